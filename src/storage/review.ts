/**
 * The read side for staff review (web pages, JSON API, CLI): conversation list with filters, search
 * and keyset paging over the `conversations` summary table, a transcript grouped into turns, unanswered
 * questions, and exports. Every query is a prepared statement with bound parameters.
 */
import { Activity, CardFactory } from 'botbuilder';
import type { RecognitionTraceValue } from '../bot/turnRecord';
import { PRIVATE_MASK } from '../bot/transcriptPrivacy';
import { EMAIL_MASK, PHONE_MASK } from './redact';
import type { Db } from './sqlite';
import { isRecognitionTrace, reviveActivity } from './sqliteTranscriptStore';

export const FLAGS = ['fallback', 'clarify', 'urgent', 'handoff', 'enquiry'] as const;
export type Flag = (typeof FLAGS)[number];

export interface ConversationFilter {
  channel?: string;
  flag?: Flag;
  /** Started at or after (ms). */
  from?: number;
  /** Started before (ms). */
  to?: number;
  /** Words the patient wrote (all of them, as word prefixes). */
  q?: string;
  /** Cursor: the page of conversations older than this one. */
  before?: string;
  /** Cursor: the page of conversations newer than this one. */
  after?: string;
  /** A page number (1 = newest), instead of a cursor: staff pages show page numbers. */
  page?: number;
  limit?: number;
}

export interface ConversationSummary {
  id: number;
  channelId: string;
  conversationId: string;
  startedAt: Date;
  lastAt: Date;
  turns: number;
  activityCount: number;
  flags: Record<Flag, number>;
  firstText?: string;
}

export interface ConversationPage {
  items: ConversationSummary[];
  /** Cursor for older conversations, when there are more. */
  older?: string;
  /** Cursor for newer conversations, when this is not the first page. */
  newer?: string;
  /** How many conversations match the filter (all pages). */
  total?: number;
}

interface ConversationRow {
  id: number;
  channel_id: string;
  conversation_id: string;
  started_at: number;
  last_at: number;
  turns: number;
  activity_count: number;
  fallback: number;
  clarify: number;
  urgent: number;
  handoff: number;
  enquiry: number;
  first_text: string | null;
}

function summary(r: ConversationRow): ConversationSummary {
  return {
    id: r.id,
    channelId: r.channel_id,
    conversationId: r.conversation_id,
    startedAt: new Date(r.started_at),
    lastAt: new Date(r.last_at),
    turns: r.turns,
    activityCount: r.activity_count,
    flags: { fallback: r.fallback, clarify: r.clarify, urgent: r.urgent, handoff: r.handoff, enquiry: r.enquiry },
    firstText: r.first_text ?? undefined,
  };
}

export class BadFilterError extends Error {}

function parseCursor(cursor: string): number {
  if (!/^\d{1,15}$/.test(cursor)) throw new BadFilterError('invalid page cursor');
  return Number(cursor);
}

/**
 * The search box as an FTS5 query: every word must appear (as a word prefix). Each word is quoted, so
 * nothing the user types is FTS syntax (no column filters, NEAR, OR, parentheses or stray quotes).
 */
export function ftsQuery(q: string): string | undefined {
  const words = (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  if (!words.length) return undefined;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

export interface TurnView {
  seq: number;
  at: Date;
  /** What the user sent: a message's text, or the kind of activity ("conversationUpdate", …). */
  user?: { type: string; text: string; attachments: number };
  recognition?: RecognitionTraceValue;
  replies: Array<{ type: string; text?: string; name?: string; buttons: string[] }>;
}

function buttonsOf(a: Partial<Activity>): string[] {
  const suggested = (a.suggestedActions?.actions ?? []).map((x) => String(x.title ?? x.value ?? ''));
  const cards = (a.attachments ?? [])
    .filter((x) => x.contentType === CardFactory.contentTypes.heroCard || x.contentType === CardFactory.contentTypes.thumbnailCard)
    .flatMap((x) => ((x.content as { buttons?: Array<{ title?: string }> })?.buttons ?? []).map((b) => String(b.title ?? '')));
  return [...suggested, ...cards];
}

/** Groups a transcript into turns: each incoming activity with what the bot understood and replied. */
export function groupTurns(activities: Array<Activity & { seq?: number }>): TurnView[] {
  const turns: TurnView[] = [];
  let current: TurnView | undefined;
  activities.forEach((a, i) => {
    const seq = a.seq ?? i;
    const at = a.timestamp ? new Date(a.timestamp) : new Date(0);
    const fromUser = a.from?.role !== 'bot';
    if (fromUser) {
      current = { seq, at, user: { type: a.type, text: a.text ?? '', attachments: a.attachments?.length ?? 0 }, replies: [] };
      turns.push(current);
      return;
    }
    if (!current) {
      current = { seq, at, replies: [] };
      turns.push(current);
    }
    if (isRecognitionTrace(a)) current.recognition = a.value as RecognitionTraceValue;
    else current.replies.push({ type: a.type, text: a.text, name: a.name, buttons: buttonsOf(a) });
  });
  return turns;
}

export interface UnansweredGroup {
  key: string;
  /** The most recent wording. */
  text: string;
  count: number;
  conversations: number;
  lastAt: Date;
  /** The classifier's best guess for the most recent one. */
  bestGuess?: string;
  intent: string;
  outcome: string;
  reason: string;
  score: number;
  /** A conversation where it was asked (for a link to the transcript). */
  conversation: number;
}

export interface Range {
  from?: number;
  to?: number;
}

export class ReviewQueries {
  constructor(private readonly db: Db) {}

  /**
   * Newest first (by id: the order the store first saw each conversation), a page at a time with a
   * keyset cursor. Every filter is served by an index or by the search index in that order, so a
   * page costs about the same on page 1 and page 1,000, with 100 or 100,000 conversations.
   */
  listConversations(filter: ConversationFilter = {}): ConversationPage {
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 200);
    const where: string[] = [];
    const params: Array<string | number> = [];
    let from = 'conversations c';
    let key = 'c.id';
    if (filter.q !== undefined && filter.q.trim()) {
      const match = ftsQuery(filter.q);
      if (!match) return { items: [] };
      // The search index drives the query: matching conversations come out newest first.
      from = 'conversations_fts f JOIN conversations c ON c.id = f.rowid';
      key = 'f.rowid';
      where.push('conversations_fts MATCH ?');
      params.push(match);
    }
    if (filter.channel) {
      where.push('c.channel_id = ?');
      params.push(filter.channel);
    }
    if (filter.flag) {
      if (!FLAGS.includes(filter.flag)) throw new BadFilterError(`unknown flag "${filter.flag}"`);
      where.push(`c.${filter.flag} > 0`); // a column name from the fixed list above, never user text
    }
    if (filter.from !== undefined) {
      where.push('c.started_at >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('c.started_at < ?');
      params.push(filter.to);
    }
    const total = (this.db.prepare<Array<string | number>, { n: number }>(`SELECT count(*) AS n FROM ${from} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`).get(...params) as { n: number }).n;
    const newer = filter.after !== undefined;
    const cursor = filter.before ?? filter.after;
    if (cursor !== undefined) {
      where.push(newer ? `${key} > ?` : `${key} < ?`);
      params.push(parseCursor(cursor));
    }
    const offset = cursor === undefined && filter.page && filter.page > 1 ? (Math.trunc(filter.page) - 1) * limit : 0;
    const sql = `SELECT c.* FROM ${from} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${key} ${newer ? 'ASC' : 'DESC'} LIMIT ? OFFSET ?`;
    const rows = this.db.prepare<Array<string | number>, ConversationRow>(sql).all(...params, limit + 1, offset);
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    if (newer) page.reverse();
    const first = page[0];
    const last = page[page.length - 1];
    return {
      items: page.map(summary),
      older: last && (newer || more) ? String(last.id) : undefined,
      newer: first && (newer ? more : cursor !== undefined || offset > 0) ? String(first.id) : undefined,
      total,
    };
  }

  channels(): string[] {
    // The distinct channels, from the (channel_id, …) index: cheap also with many conversations.
    const out: string[] = [];
    let row = this.db.prepare<[], { c: string }>('SELECT min(channel_id) AS c FROM conversations').get();
    const next = this.db.prepare<[string], { c: string }>('SELECT min(channel_id) AS c FROM conversations WHERE channel_id > ?');
    while (row?.c != null && out.length < 100) {
      out.push(row.c);
      row = next.get(row.c);
    }
    return out;
  }

  getConversation(id: number): ConversationSummary | undefined {
    const row = this.db.prepare<[number], ConversationRow>('SELECT * FROM conversations WHERE id = ?').get(id);
    return row && summary(row);
  }

  findConversation(channelOrId: string, conversationId?: string): ConversationSummary | undefined {
    const row = conversationId
      ? this.db.prepare<[string, string], ConversationRow>('SELECT * FROM conversations WHERE channel_id = ? AND conversation_id = ?').get(channelOrId, conversationId)
      : this.db.prepare<[string], ConversationRow>('SELECT * FROM conversations WHERE conversation_id = ? ORDER BY id LIMIT 1').get(channelOrId);
    return row && summary(row);
  }

  /** Every activity of a conversation, in logged order (each with its seq). */
  activities(id: number): Array<Activity & { seq: number }> {
    return this.db
      .prepare<[number], { seq: number; body: string }>('SELECT seq, body FROM activities WHERE conv = ? ORDER BY seq')
      .all(id)
      .map((r) => Object.assign(reviveActivity(r.body), { seq: r.seq }));
  }

  /** The conversation as a Bot Framework Emulator .transcript: a JSON array of its activities. */
  transcriptFile(id: number): Activity[] {
    return this.activities(id).map(({ seq: _seq, ...a }) => a as Activity);
  }

  turns(id: number): TurnView[] {
    return groupTurns(this.activities(id));
  }

  /** Fallback and low-confidence questions, grouped by wording, most frequent first. */
  unanswered(range: Range = {}, limit = 200): UnansweredGroup[] {
    const rows = this.db
      .prepare<[number, number, number], {
        norm: string; text: string; n: number; convs: number; last_at: number; top_intent: string | null; intent: string; outcome: string; reason: string; score: number; conv: number;
      }>(
        `SELECT norm, count(*) AS n, count(DISTINCT conv) AS convs, max(at) AS last_at, text, top_intent, intent, outcome, reason, score, conv
         FROM recognitions WHERE unanswered = 1 AND at >= ? AND at < ?
         GROUP BY norm ORDER BY n DESC, last_at DESC LIMIT ?`,
      )
      .all(range.from ?? 0, range.to ?? Number.MAX_SAFE_INTEGER, Math.min(Math.max(limit, 1), 5000));
    return rows.map((r) => ({
      key: r.norm,
      text: r.text,
      count: r.n,
      conversations: r.convs,
      lastAt: new Date(r.last_at),
      bestGuess: r.top_intent ?? undefined,
      intent: r.intent,
      outcome: r.outcome,
      reason: r.reason,
      score: r.score,
      conversation: r.conv,
    }));
  }

  /** Conversations started in the range, oldest first, one at a time (exports of any size). */
  *conversationsInRange(range: Range): Generator<{ conversation: ConversationSummary; activities: Activity[] }> {
    const ids = this.db
      .prepare<[number, number], { id: number }>('SELECT id FROM conversations WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id')
      .all(range.from ?? 0, range.to ?? Number.MAX_SAFE_INTEGER);
    for (const { id } of ids) {
      const conversation = this.getConversation(id);
      if (conversation) yield { conversation, activities: this.transcriptFile(id) };
    }
  }

  counts(): { conversations: number; newEnquiries: number } {
    const conversations = (this.db.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n;
    const newEnquiries = (this.db.prepare("SELECT count(*) AS n FROM enquiries WHERE status = 'new'").get() as { n: number }).n;
    return { conversations, newEnquiries };
  }
}

const MASKS = [PRIVATE_MASK, PHONE_MASK, EMAIL_MASK];

/**
 * Unanswered questions as candidate training lines in the knowledge format (knowledge/intents/<intent>.txt:
 * one utterance per line, '#' starts a comment), under the classifier's best guess.
 */
export function trainingCandidates(groups: UnansweredGroup[], note: string): string {
  const byIntent = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const g of groups) {
    const line = g.text.replace(/\s+/g, ' ').replace(/^#+/, '').trim().toLowerCase();
    if (!line || seen.has(line) || MASKS.some((m) => line.includes(m))) continue;
    seen.add(line);
    const intent = g.bestGuess && /^[a-z_]+$/.test(g.bestGuess) ? g.bestGuess : 'unsorted';
    byIntent.set(intent, [...(byIntent.get(intent) ?? []), line]);
  }
  const out = [
    `# Candidate training utterances from staff review: ${note}.`,
    '# Each line is a question patients asked that the bot could not answer (most frequent first).',
    '# Move the lines you want into knowledge/intents/<intent>.txt for the intent that should answer them',
    '# (out_of_scope.txt for questions the bot should decline), delete the rest, then run `npm run train`.',
    '# Headings are the classifier’s best guess, not a decision.',
  ];
  for (const [intent, lines] of [...byIntent.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    out.push('', `# Intent: ${intent} (best guess)`, ...lines);
  }
  return out.join('\n') + '\n';
}
