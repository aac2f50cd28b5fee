/**
 * Figures for the staff dashboard over a date range: conversations per day, how turns ended (answered, clarified,
 * declined, handed to staff, urgent) per day, unanswered questions per day, the most asked intents and conditions,
 * and enquiries (received per day; open and done now). One aggregator (StatsBuilder) fed by each backend: SQLite
 * reads its summary and recognition tables; other backends (Azure Blob) walk the conversations of the range and
 * their recognition traces (statsFromReview), which is slower but needs no extra index.
 */
import type { Activity } from 'botbuilder';
import type { EnquiryStatus } from './enquiries';
import { isRecognitionTrace, isUnanswered, RecognitionTraceValue } from '../turn/trace';

export const OUTCOME_KEYS = ['answered', 'clarify', 'fallback', 'handoff', 'urgent'] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

export interface DayStats {
  /** YYYY-MM-DD in the server's time zone. */
  day: string;
  conversations: number;
  /** Recognised patient messages, by how the turn ended. */
  outcomes: Record<OutcomeKey, number>;
  unanswered: number;
  enquiries: number;
}

export interface Ranked {
  name: string;
  count: number;
}

export interface DashboardStats {
  days: DayStats[];
  totals: { conversations: number; turns: number; unanswered: number; enquiries: number; outcomes: Record<OutcomeKey, number> };
  intents: Ranked[];
  conditions: Ranked[];
  /** Enquiries now, whatever the range. */
  enquiriesNow: { open: number; done: number };
}

export interface StatsRange {
  /** Start of the first day (ms). */
  from: number;
  /** End of the last day, exclusive (ms). */
  to: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const zeroOutcomes = (): Record<OutcomeKey, number> => ({ answered: 0, clarify: 0, fallback: 0, handoff: 0, urgent: 0 });

/** A recognised message as the dashboard counts it. */
export interface RecognitionPoint {
  at: number;
  intent: string;
  outcome: string;
  condition?: string | null;
  unanswered: boolean;
}

export class StatsBuilder {
  private readonly days = new Map<string, DayStats>();
  private readonly intents = new Map<string, number>();
  private readonly conditions = new Map<string, number>();

  constructor(private readonly range: StatsRange) {
    // Every day of the range, so that quiet days show as zero rather than disappear from the charts.
    for (let d = new Date(range.from); d.getTime() < range.to; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
      const day = dayKey(d.getTime());
      this.days.set(day, { day, conversations: 0, outcomes: zeroOutcomes(), unanswered: 0, enquiries: 0 });
    }
  }

  private dayOf(at: number): DayStats | undefined {
    return at >= this.range.from && at < this.range.to ? this.days.get(dayKey(at)) : undefined;
  }

  conversation(startedAt: number): void {
    const d = this.dayOf(startedAt);
    if (d) d.conversations++;
  }

  recognition(p: RecognitionPoint): void {
    const d = this.dayOf(p.at);
    if (!d) return;
    this.outcomesOn(d.day, p.outcome, 1, p.unanswered ? 1 : 0);
    if (p.outcome !== 'urgent') this.intent(p.intent, 1);
    if (p.condition) this.condition(p.condition, 1);
  }

  enquiry(createdAt: number): void {
    const d = this.dayOf(createdAt);
    if (d) d.enquiries++;
  }

  /** Counts already grouped by day (YYYY-MM-DD, the server's time zone), as a database query returns them. */
  conversationsOn(day: string, n: number): void {
    const d = this.days.get(day);
    if (d) d.conversations += n;
  }

  outcomesOn(day: string, outcome: string, n: number, unanswered: number): void {
    const d = this.days.get(day);
    if (!d) return;
    if ((OUTCOME_KEYS as readonly string[]).includes(outcome)) d.outcomes[outcome as OutcomeKey] += n;
    d.unanswered += unanswered;
  }

  enquiriesOn(day: string, n: number): void {
    const d = this.days.get(day);
    if (d) d.enquiries += n;
  }

  /** An intent asked about `n` times (urgent turns are not counted: they were not classified). */
  intent(name: string, n: number): void {
    this.intents.set(name, (this.intents.get(name) ?? 0) + n);
  }

  condition(name: string, n: number): void {
    this.conditions.set(name, (this.conditions.get(name) ?? 0) + n);
  }

  result(enquiriesNow: { open: number; done: number }, top = 10): DashboardStats {
    const days = [...this.days.values()];
    const outcomes = zeroOutcomes();
    for (const d of days) for (const k of OUTCOME_KEYS) outcomes[k] += d.outcomes[k];
    const rank = (m: Map<string, number>) =>
      [...m.entries()]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
        .slice(0, top);
    return {
      days,
      totals: {
        conversations: days.reduce((n, d) => n + d.conversations, 0),
        turns: OUTCOME_KEYS.reduce((n, k) => n + outcomes[k], 0),
        unanswered: days.reduce((n, d) => n + d.unanswered, 0),
        enquiries: days.reduce((n, d) => n + d.enquiries, 0),
        outcomes,
      },
      intents: rank(this.intents),
      conditions: rank(this.conditions),
      enquiriesNow,
    };
  }
}

/** What statsFromReview needs of a backend. */
export interface StatsSources {
  conversationsInRange(range: { from?: number; to?: number }): AsyncIterable<{ conversation: { startedAt: Date }; activities: Activity[] }>;
  enquiries(): AsyncIterable<{ createdAt: Date; status: EnquiryStatus }>;
}

/** Dashboard figures from the conversations started in the range and their recognition traces (any backend). */
export async function statsFromReview(sources: StatsSources, range: StatsRange): Promise<DashboardStats> {
  const b = new StatsBuilder(range);
  for await (const { conversation, activities } of sources.conversationsInRange(range)) {
    b.conversation(conversation.startedAt.getTime());
    for (const a of activities) {
      if (!isRecognitionTrace(a)) continue;
      const v = a.value as RecognitionTraceValue;
      const at = new Date(a.timestamp ?? conversation.startedAt).getTime();
      b.recognition({ at, intent: v.intent, outcome: v.outcome, condition: v.entities?.[0]?.value, unanswered: isUnanswered(v) });
    }
  }
  const now = { open: 0, done: 0 };
  for await (const e of sources.enquiries()) {
    b.enquiry(e.createdAt.getTime());
    if (e.status === 'new') now.open++;
    else now.done++;
  }
  return b.result(now);
}
