/**
 * The storage the app runs on, chosen by STORAGE: `sqlite` (one instance, the default) or `azure-blob`
 * (several instances sharing one Azure Storage account). Everything outside src/storage talks to these
 * interfaces, which both backends implement with the same behaviour (test/backend.test.ts runs one suite
 * against both):
 *  - `state`: botbuilder Storage with eTags (conversation and user state, dialog stacks);
 *  - `transcripts`: botbuilder TranscriptStore plus the logging middleware's batched writer;
 *  - `review`, `enquiries`: what the staff pages need, asynchronous;
 *  - `deleteConversation` and `purgeOlderThan`: privacy operations over all of the above.
 * Staff sessions: in the SQLite file with sqlite, in the storage account with azure-blob (`sessions`).
 */
import type { Activity, PagedResult, Storage, TranscriptInfo, TranscriptStore } from 'botbuilder';
import type { LoggedRef, TranscriptWriter } from '../bot/transcriptLogging';
import type { SessionRecords } from '../staff/auth';
import type { Enquiry, EnquiryPage, EnquiryStatus, EnquiryStore, NewEnquiry } from './enquiries';
import { SqliteEnquiryStore } from './enquiries';
import { DAY_MS, DeletedConversation, deleteConversation, purgeOlderThan, PurgeResult } from './retention';
import type { ConversationFilter, ConversationPage, ConversationSummary, Range, TurnView, UnansweredGroup } from './review';
import { ReviewQueries } from './review';
import type { Logger } from '../logger';
import type { Db } from './sqlite';
import { SqliteStorage } from './sqliteStorage';
import { SqliteTranscriptStore } from './sqliteTranscriptStore';

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
  /** Conversations started in the range, oldest first, one at a time. */
  conversationsInRange(range: Range): AsyncIterable<ConversationExport>;
  counts(): Promise<{ conversations: number; newEnquiries: number }>;
}

export interface EnquiryBackend extends EnquiryStore {
  create(enquiry: NewEnquiry): Promise<{ id: number; reference: string }>;
  get(id: number): Promise<Enquiry | undefined>;
  list(options?: { status?: EnquiryStatus; before?: string; limit?: number }): Promise<EnquiryPage>;
  setStatus(id: number, status: EnquiryStatus, by: string): Promise<boolean>;
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
  /** Staff sessions shared by every instance; undefined: in the local SQLite file. */
  sessions?: SessionRecords;
  /** Deletes shared staff sessions that expired before `now`; returns how many. */
  purgeExpiredSessions?(now: number): Promise<number>;
  /** Deletes everything kept about one conversation: transcript, summary, enquiries, conversation state. */
  deleteConversation(id: number): Promise<DeletedConversation | undefined>;
  /** Conversations with no activity since `cutoff`, state not written since then, enquiries done before then. */
  purgeOlderThan(cutoff: number, now?: number): Promise<PurgeResult>;
  close(): Promise<void>;
}

/** The SQLite backend: the existing synchronous classes behind the asynchronous interfaces. */
export class SqliteBackend implements StorageBackend {
  readonly kind = 'sqlite' as const;
  readonly state: SqliteStorage;
  readonly transcripts: TranscriptBackend;
  readonly enquiries: EnquiryBackend;
  readonly review: ReviewStore;
  readonly sqliteTranscripts: SqliteTranscriptStore;
  readonly sqliteEnquiries: SqliteEnquiryStore;
  readonly sqliteReview: ReviewQueries;

  constructor(readonly db: Db) {
    this.state = new SqliteStorage(db);
    const t = (this.sqliteTranscripts = new SqliteTranscriptStore(db));
    const e = (this.sqliteEnquiries = new SqliteEnquiryStore(db));
    const r = (this.sqliteReview = new ReviewQueries(db));
    this.transcripts = {
      logActivity: (a) => t.logActivity(a),
      logActivities: async (activities, replace) => t.logActivities(activities, replace),
      getTranscriptActivities: (c, id, token, start) => t.getTranscriptActivities(c, id, token, start),
      listTranscripts: (c, token) => t.listTranscripts(c, token),
      deleteTranscript: (c, id) => t.deleteTranscript(c, id),
      allActivities: (c, id) => t.allActivities(c, id),
    };
    this.enquiries = {
      create: (x) => e.create(x),
      get: async (id) => e.get(id),
      list: async (o) => e.list(o),
      setStatus: async (id, s, by) => e.setStatus(id, s, by),
      forConversation: async (c, id) => e.forConversation(c, id),
      countNew: async () => e.countNew(),
    };
    this.review = {
      listConversations: async (f) => r.listConversations(f),
      channels: async () => r.channels(),
      getConversation: async (id) => r.getConversation(id),
      findConversation: async (c, id) => r.findConversation(c, id),
      transcriptFile: async (id) => r.transcriptFile(id),
      turns: async (id) => r.turns(id),
      unanswered: async (range, limit) => r.unanswered(range, limit),
      conversationsInRange: (range) => toAsync(r.conversationsInRange(range)),
      counts: async () => r.counts(),
    };
  }

  async deleteConversation(id: number): Promise<DeletedConversation | undefined> {
    return deleteConversation(this.db, id);
  }

  async purgeOlderThan(cutoff: number, now = Date.now()): Promise<PurgeResult> {
    return purgeOlderThan(this.db, cutoff, now);
  }

  async close(): Promise<void> {
    /* the database is closed by the app, which also keeps staff sessions in it */
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/**
 * The retention purge for a backend other than SQLite (SQLite's is retention.ts schedulePurge): now and every
 * `intervalHours`, conversations, state and done enquiries older than `retentionDays`; expired staff sessions
 * from the local database. Returns a stop function.
 */
export function scheduleBackendPurge(backend: StorageBackend, db: Db, retentionDays: number, intervalHours: number, logger: Logger): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const started = Date.now();
      let sessions = db.prepare('DELETE FROM staff_sessions WHERE expires_at < ?').run(started).changes;
      sessions += (await backend.purgeExpiredSessions?.(started)) ?? 0;
      if (retentionDays > 0) {
        const result = await backend.purgeOlderThan(started - retentionDays * DAY_MS, started);
        if (result.conversations || result.states || result.enquiries) logger.info('retention purge', { retentionDays, ...result, sessions, ms: Date.now() - started });
      }
    } catch (err) {
      logger.error('retention purge failed', { error: (err as Error).message });
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalHours * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
