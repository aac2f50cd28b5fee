/**
 * The review model both backends share and staff pages, JSON API, CLI and exports read: outcome flags,
 * conversation summaries and filters, a transcript grouped into turns, unanswered-question groups and
 * their key, and training candidates. No storage technology here: SQLite's queries are in
 * sqlite/review.ts, Azure's in azure/index.ts.
 */
import { Activity, ActivityTypes, CardFactory } from 'botbuilder';
import { isRecognitionTrace, RecognitionTraceValue } from '../turn/trace';
import { PRIVATE_MASK } from '../turn/masks';
import { EMAIL_MASK, PHONE_MASK } from './redact';

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
  /** Safety tiers of its urgent turns, most urgent first (filled in for the staff list, see urgentTurns). */
  tiers?: string[];
}

/** A turn that got safety guidance (outcome urgent), for the staff urgent view. */
export interface UrgentTurn {
  conversation: number;
  channelId: string;
  at: Date;
  /** What the patient wrote (as stored: redacted when redaction is on). */
  text: string;
  tier: string;
  sign?: string;
  /** alone: guidance only; first: guidance, then the answer. */
  safety?: string;
}

export interface UrgentFilter {
  tier?: string;
  /** Only these conversations (row ids). */
  conversations?: number[];
  limit?: number;
}

export const SAFETY_TIER_ORDER = ['crisis', 'emergency', 'urgent', 'clinic'];

/** The distinct tiers of some urgent turns, most urgent first. */
export function tiersOf(turns: Array<{ tier: string }>): string[] {
  return [...new Set(turns.map((t) => t.tier))].sort((a, b) => SAFETY_TIER_ORDER.indexOf(a) - SAFETY_TIER_ORDER.indexOf(b));
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

export class BadFilterError extends Error {}

export function parseCursor(cursor: string): number {
  if (!/^\d{1,15}$/.test(cursor)) throw new BadFilterError('invalid page cursor');
  return Number(cursor);
}

/** Normalised form of a question, so that "Do you do cupping?" and "do you do cupping" group together. */
export function questionKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\s[\]]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

/** Activities come back as botbuilder gives them to the bot: timestamps as Dates. */
export function reviveActivity(body: string): Activity {
  const activity = JSON.parse(body) as Activity;
  if (activity.timestamp) activity.timestamp = new Date(activity.timestamp);
  if (activity.localTimestamp) activity.localTimestamp = new Date(activity.localTimestamp);
  return activity;
}

/** When an activity happened (now, when it carries no usable timestamp). */
export function timeOf(activity: Partial<Activity>): number {
  const t = activity.timestamp ? new Date(activity.timestamp as Date | string).getTime() : NaN;
  return Number.isFinite(t) ? t : Date.now();
}

/** The text of a user's message that is indexed for search (null for everything else, and for a masked message). */
export function searchText(activity: Partial<Activity>): string | null {
  if (activity.type !== ActivityTypes.Message || roleOf(activity) !== 'user' || typeof activity.text !== 'string') return null;
  const text = activity.text.trim();
  return text && text !== PRIVATE_MASK ? activity.text : null;
}

export function roleOf(activity: Partial<Activity>): string {
  return activity.from?.role ?? 'unknown';
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
