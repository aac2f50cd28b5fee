/**
 * Exports shared by the staff pages and the CLI: a date range of conversations as CSV (one row per
 * activity) or JSON (conversations with their activities), written to a sink chunk by chunk so an
 * export of any size never sits in memory at once.
 */
import type { Activity } from 'botbuilder';
import type { RecognitionTraceValue } from '../turn/trace';
import type { ConversationSummary, Range } from '../storage/review';

/** Where exports read conversations from: ReviewQueries (SQLite, synchronous) or a StorageBackend's review. */
export interface ExportSource {
  conversationsInRange(
    range: Range,
  ):
    | Iterable<{ conversation: ConversationSummary; activities: Activity[] }>
    | AsyncIterable<{ conversation: ConversationSummary; activities: Activity[] }>;
}
import { isRecognitionTrace } from '../turn/trace';

export type Sink = (chunk: string) => void | Promise<void>;

export const CSV_COLUMNS = [
  'conversation_id',
  'channel',
  'conversation_started',
  'timestamp',
  'role',
  'type',
  'name',
  'text',
  'intent',
  'score',
  'outcome',
  'reason',
  'condition',
] as const;

/**
 * One CSV field: quoted when needed, and a leading = + - @ (or tab/CR) prefixed with ' so that a
 * spreadsheet shows patient text as text, never runs it as a formula.
 */
export function csvField(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

function iso(t: unknown): string {
  if (!t) return '';
  const d = new Date(t as string);
  return Number.isFinite(d.getTime()) ? d.toISOString() : '';
}

export function activityRow(conversationId: string, channel: string, startedAt: Date, a: Activity): unknown[] {
  const r = isRecognitionTrace(a) ? (a.value as RecognitionTraceValue) : undefined;
  return [
    conversationId,
    channel,
    startedAt.toISOString(),
    iso(a.timestamp),
    a.from?.role ?? '',
    a.type,
    a.name ?? '',
    r ? r.text : (a.text ?? ''),
    r?.intent ?? '',
    r ? r.score : '',
    r?.outcome ?? '',
    r?.reason ?? '',
    r ? (r.entities ?? []).map((e) => e.value).join('; ') : '',
  ];
}

const YIELD_EVERY = 100;
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes the range as CSV; returns the number of conversations. */
export async function exportCsv(review: ExportSource, range: Range, write: Sink): Promise<number> {
  await write('\uFEFF' + csvRow([...CSV_COLUMNS])); // BOM: spreadsheets then read the text as UTF-8
  let n = 0;
  for await (const { conversation: c, activities } of review.conversationsInRange(range)) {
    let chunk = '';
    for (const a of activities) chunk += csvRow(activityRow(c.conversationId, c.channelId, c.startedAt, a));
    await write(chunk);
    if (++n % YIELD_EVERY === 0) await breathe();
  }
  return n;
}

/** Writes the range as a JSON array of { conversation, activities }; returns the number of conversations. */
export async function exportJson(review: ExportSource, range: Range, write: Sink): Promise<number> {
  await write('[');
  let n = 0;
  for await (const { conversation, activities } of review.conversationsInRange(range)) {
    await write((n ? ',\n' : '\n') + JSON.stringify({ conversation, activities }));
    if (++n % YIELD_EVERY === 0) await breathe();
  }
  await write(n ? '\n]\n' : ']\n');
  return n;
}

/** A file name part from an id: letters, digits, '-' and '_' only. */
export function safeFilePart(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80) || 'conversation';
}
