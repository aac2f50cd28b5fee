/**
 * The website chat's Direct Line conversations, kept in the storage backend (SQLite or Azure Blob) instead of one
 * process's memory, so that a restart or a deploy is invisible to an open page and any instance serves any
 * conversation. Each conversation is its visitor's id and its activities, each with a sequence number: the Direct
 * Line watermark. Appending is atomic (one write transaction on SQLite, an eTag-conditional write on Blob Storage),
 * so two instances appending at the same moment never give two activities the same number, lose one, or go back.
 *
 * Activities are stored as the Direct Line layer hands them over (JSON objects); their `id` is the layer's business.
 * A conversation keeps at most MAX_STORED_ACTIVITIES (the oldest go first; numbering goes on) and follows the
 * transcript retention: the backend's purge removes those with no activity since its cutoff.
 */

/** One stored activity and its number (the watermark once it is read). */
export interface NumberedActivity {
  seq: number;
  activity: Record<string, unknown>;
}

export interface StoredDirectLineSet {
  /** The visitor the conversation belongs to. */
  userId: string;
  /** After the requested watermark, in order. */
  activities: NumberedActivity[];
  /** The number of the last activity stored (0 when none is kept). */
  watermark: number;
}

/** What an append stored: its activities with their numbers. */
export interface AppendedSet {
  activities: NumberedActivity[];
  watermark: number;
  /** The conversation's watermark before this append (0 when it was new): everything up to it was stored before. */
  previous: number;
}

/** Activities kept per conversation (what a resumed or reloaded page can show). */
export const MAX_STORED_ACTIVITIES = 500;

/** The conversation belongs to another visitor (ids are random: a forged or mixed-up request). */
export class DirectLineOwnerError extends Error {
  constructor(readonly conversationId: string) {
    super('the Direct Line conversation belongs to another visitor');
  }
}

export interface AppendOptions {
  firstSeqIfNew: number;
  minSeq?: number;
  onlyIfNew?: boolean;
  /** The time of the activity (retention), default now. */
  now?: number;
}

/** The first number of an append: after the last stored one (or firstSeqIfNew for a new conversation), never below minSeq. */
export function firstNumber(storedWatermark: number | undefined, options: AppendOptions): number {
  const after = storedWatermark === undefined ? Math.max(1, options.firstSeqIfNew) : storedWatermark + 1;
  return Math.max(after, options.minSeq ?? 0);
}

export interface DirectLineStore {
  /**
   * Stores activities after the conversation's last one, creating the conversation (owned by userId) when it has
   * nothing stored yet: its first activity is then numbered `firstSeqIfNew`. No activity is numbered below `minSeq`
   * (numbers the caller gave out while the storage could not be reached). With `onlyIfNew`, stores nothing and
   * resolves undefined when the conversation already exists.
   */
  append(
    conversationId: string,
    userId: string,
    activities: Array<Record<string, unknown>>,
    options: AppendOptions,
  ): Promise<AppendedSet | undefined>;
  /** The activities after `watermark` (all kept when undefined), or undefined when nothing is stored. */
  since(conversationId: string, watermark: number | undefined): Promise<StoredDirectLineSet | undefined>;
  /** The current watermark of each conversation that has something stored (others are left out): the streams' poll. */
  watermarks(conversationIds: string[]): Promise<Map<string, number>>;
  /** Forgets a conversation (deletion on request). */
  delete(conversationId: string): Promise<boolean>;
  /** Forgets conversations with no activity since `cutoff`; returns how many. */
  purgeOlderThan(cutoff: number): Promise<number>;
}

/** The part of a list beyond the per-conversation cap: the oldest. */
export function overCap(count: number, max = MAX_STORED_ACTIVITIES): number {
  return Math.max(0, count - max);
}
