/**
 * The storage the app runs on, chosen by STORAGE: `sqlite` (one instance, the default; src/storage/sqlite/) or
 * `azure-blob` (several instances sharing one Azure Storage account; src/storage/azure/). Everything outside
 * src/storage talks to these interfaces, which both backends implement directly with the same behaviour
 * (test/backend.test.ts runs one suite against both):
 *  - `state`: botbuilder Storage with eTags (conversation and user state, dialog stacks);
 *  - `transcripts`: botbuilder TranscriptStore plus the logging middleware's batched writer;
 *  - `review`, `enquiries`: what the staff pages need, asynchronous;
 *  - `sessions`: staff sign-in sessions;
 *  - `directLine`: the website chat's Direct Line conversations (directLine.ts);
 *  - `deleteConversation` and `purgeOlderThan`: privacy operations over all of the above; `close`.
 */
import type { Activity, PagedResult, Storage, TranscriptInfo, TranscriptStore } from 'botbuilder';
import type { AuditLog } from './audit';
import type { Enquiry, EnquiryListOptions, EnquiryPage, EnquiryStatus, EnquiryStore, NewEnquiry } from './enquiries';
import type { FollowUpChange, FollowUpEvent } from './enquiryFollowUp';
import type { Outbox } from './outbox';
import type { SecondFactorStore } from './secondFactors';
import type { DashboardStats, StatsRange } from './stats';
import type { DeletedConversation, PurgeResult } from './retention';
import type { DirectLineStore } from './directLine';
import type { TeachingStore } from './teaching';
import type { ConversationFilter, ConversationPage, ConversationSummary, Range, TurnView, UnansweredGroup, UrgentFilter, UrgentTurn } from './review';

/** The eTag of a state write that must create the item: it fails when the item exists (another turn created it). */
export const CREATE_ONLY = 'create-only:if-none-match';

export interface LoggedRef {
  seq: number;
}

/** Where the transcript logging middleware writes: a backend's transcripts, or a fake in tests. */
export interface TranscriptWriter {
  /**
   * Stores activities in order, in one transaction; `replace` first rewrites an activity stored
   * earlier (the turn's incoming one, once contact details in it are known). Resolves when committed.
   */
  logActivities(activities: Activity[], replace?: { seq: number; activity: Activity }): LoggedRef[] | Promise<LoggedRef[]>;
}

/**
 * Where staff sessions are kept (token hashes only): the SQLite file, or with STORAGE=azure-blob a blob
 * container, so that a staff member signed in on one instance is signed in on all of them.
 */
export interface SessionRecords {
  insert(tokenHash: string, user: string, createdAt: number, expiresAt: number): Promise<void>;
  get(tokenHash: string): Promise<{ user: string; expiresAt: number } | undefined>;
  remove(tokenHash: string): Promise<void>;
  removeUser(user: string): Promise<void>;
}

export type StorageKind = 'sqlite' | 'azure-blob';

/** Azure Storage could not be reached (or refused the account) at start-up. */
export class StorageUnavailableError extends Error {}

/** One conversation with its activities, for exports. */
export interface ConversationExport {
  conversation: ConversationSummary;
  activities: Activity[];
}

export interface ReviewStore {
  listConversations(filter?: ConversationFilter): Promise<ConversationPage>;
  channels(): Promise<string[]>;
  getConversation(id: number): Promise<ConversationSummary | undefined>;
  findConversation(channelOrId: string, conversationId?: string): Promise<ConversationSummary | undefined>;
  /** The conversation as a Bot Framework Emulator .transcript: a JSON array of its activities. */
  transcriptFile(id: number): Promise<Activity[]>;
  turns(id: number): Promise<TurnView[]>;
  unanswered(range?: Range, limit?: number): Promise<UnansweredGroup[]>;
  /** Turns that got safety guidance, newest first, with their tier. */
  urgentTurns(filter?: UrgentFilter): Promise<UrgentTurn[]>;
  /** Conversations started in the range, oldest first, one at a time. */
  conversationsInRange(range: Range): AsyncIterable<ConversationExport>;
  counts(): Promise<{ conversations: number; newEnquiries: number }>;
}

export interface EnquiryBackend extends EnquiryStore {
  create(enquiry: NewEnquiry): Promise<{ id: number; reference: string }>;
  get(id: number): Promise<Enquiry | undefined>;
  list(options?: EnquiryListOptions): Promise<EnquiryPage>;
  setStatus(id: number, status: EnquiryStatus, by: string): Promise<boolean>;
  /** Follow-up (owner, outcome, status, a note), recorded in the history; false when there is no such enquiry. */
  update(id: number, by: string, change: FollowUpChange): Promise<boolean>;
  /** Who changed what, oldest first (notes included). */
  history(id: number): Promise<FollowUpEvent[]>;
  forConversation(channelId: string, conversationId: string): Promise<Enquiry[]>;
  countNew(): Promise<number>;
}

export interface TranscriptBackend extends TranscriptStore, TranscriptWriter {
  logActivities(activities: Activity[], replace?: { seq: number; activity: Activity }): Promise<LoggedRef[]>;
  getTranscriptActivities(channelId: string, conversationId: string, continuationToken?: string, startDate?: Date): Promise<PagedResult<Activity>>;
  listTranscripts(channelId: string, continuationToken?: string): Promise<PagedResult<TranscriptInfo>>;
  /** Every activity of one conversation, in logged order. */
  allActivities(channelId: string, conversationId: string): Promise<Activity[]>;
}

export interface StorageBackend {
  kind: StorageKind;
  /** The bot's state storage (wrap it in ResilientStorage before giving it to the bot). */
  state: Storage;
  transcripts: TranscriptBackend;
  enquiries: EnquiryBackend;
  review: ReviewStore;
  /** Staff sessions (token hashes only), shared by every instance that shares the storage. */
  sessions: SessionRecords;
  /** What staff taught the running bot (src/storage/teaching.ts), shared by every instance. */
  teaching: TeachingStore;
  /** Staff notifications waiting to be sent (see outbox.ts). */
  outbox: Outbox;
  /** Who viewed, exported, deleted or changed what (see audit.ts). */
  audit: AuditLog;
  /** Staff two-factor sign-in records (see secondFactors.ts). */
  secondFactors: SecondFactorStore;
  /** The website chat's Direct Line conversations, shared by every instance (see directLine.ts). */
  directLine: DirectLineStore;
  /** Figures for the staff dashboard (see stats.ts). */
  stats(range: StatsRange): Promise<DashboardStats>;
  /** Deletes everything kept about one conversation: transcript, summary, enquiries, conversation state, Direct Line copy. */
  deleteConversation(id: number): Promise<DeletedConversation | undefined>;
  /**
   * The one purge: conversations with no activity since `cutoff`, state not written since then, enquiries done
   * before then, and staff sessions expired before `now` (a cutoff of 0 purges only the expired sessions).
   */
  purgeOlderThan(cutoff: number, now?: number): Promise<PurgeResult>;
  /** Finishes pending writes and lets go of the storage (the SQLite file, or nothing for HTTP clients). */
  close(): Promise<void>;
  /** Checks of the stored data's integrity (SQLite's quick_check); none where the service keeps it sound. */
  integrity?: IntegrityCheck;
}

/** What the app needs of an integrity check: run it now and on a schedule, and its last result. */
export interface IntegrityCheck {
  start(intervalHours: number): void;
  readonly status: { ok: boolean; checkedAt?: string; problems?: string[] };
}
