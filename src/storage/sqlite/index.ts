/**
 * The SQLite backend (STORAGE=sqlite, the default): everything in one database file (db.ts) for one instance.
 * Each part implements the backend's asynchronous interface directly; better-sqlite3 is synchronous, so their
 * promises resolve at once, except writes, which share the connection's group commit (groupCommit.ts).
 */
import type { Logger } from '../../logger';
import type { SessionRecords, StorageBackend } from '../backend';
import type { DeletedConversation, PurgeResult } from '../retention';
import { Db, openDatabase, OpenOptions } from './db';
import { SqliteEnquiryStore } from './enquiries';
import { GroupCommit } from './groupCommit';
import { IntegrityMonitor } from './integrity';
import { deleteConversation, purgeOlderThan } from './retention';
import { ReviewQueries } from './review';
import { sqliteSessionRecords } from './sessions';
import { SqliteTeachingStore } from './teaching';
import { SqliteStorage } from './state';
import { SqliteDirectLineStore } from './directLine';
import { SqliteTranscriptStore } from './transcripts';
import type { AuditLog } from '../audit';
import type { Outbox } from '../outbox';
import type { SecondFactorStore } from '../secondFactors';
import type { DashboardStats, StatsRange } from '../stats';
import { SqliteAuditLog } from './audit';
import { SqliteOutbox } from './outbox';
import { SqliteSecondFactors } from './secondFactors';
import { ensureStatsIndex, sqliteStats } from './stats';

export class SqliteBackend implements StorageBackend {
  readonly kind = 'sqlite' as const;
  readonly state: SqliteStorage;
  readonly transcripts: SqliteTranscriptStore;
  readonly enquiries: SqliteEnquiryStore;
  readonly review: ReviewQueries;
  readonly sessions: SessionRecords;
  readonly teaching: SqliteTeachingStore;
  readonly outbox: Outbox;
  readonly audit: AuditLog;
  readonly secondFactors: SecondFactorStore;
  readonly directLine: SqliteDirectLineStore;
  /** PRAGMA quick_check at start-up and on a schedule (set by open(), which knows the file). */
  integrity?: IntegrityMonitor;

  constructor(readonly db: Db) {
    this.state = new SqliteStorage(db);
    this.transcripts = new SqliteTranscriptStore(db);
    this.enquiries = new SqliteEnquiryStore(db);
    this.review = new ReviewQueries(db);
    this.sessions = sqliteSessionRecords(db);
    this.teaching = new SqliteTeachingStore(db);
    this.outbox = new SqliteOutbox(db);
    this.audit = new SqliteAuditLog(db);
    this.secondFactors = new SqliteSecondFactors(db);
    this.directLine = new SqliteDirectLineStore(db);
    ensureStatsIndex(db);
  }

  async stats(range: StatsRange): Promise<DashboardStats> {
    return sqliteStats(this.db, range);
  }

  /** Opens (or creates) the database file and logs where it is. */
  static open(path: string, options: OpenOptions, logger: Logger): SqliteBackend {
    const backend = new SqliteBackend(openDatabase(path, options));
    logger.info('database open', { path, journal: 'wal', synchronous: options.synchronous });
    backend.integrity = new IntegrityMonitor(backend.db, path, logger);
    return backend;
  }

  async deleteConversation(id: number): Promise<DeletedConversation | undefined> {
    const deleted = deleteConversation(this.db, id);
    if (deleted) await this.directLine.delete(deleted.conversationId);
    return deleted;
  }

  /** The purge (the audit log with it), then fresh query-planner statistics for the conversation list (see retention.ts). */
  async purgeOlderThan(cutoff: number, now = Date.now()): Promise<PurgeResult> {
    const result = purgeOlderThan(this.db, cutoff, now);
    this.db.exec('ANALYZE conversations');
    const directLine = await this.directLine.purgeOlderThan(cutoff);
    return { ...result, audit: cutoff > 0 ? await this.audit.purgeBefore(cutoff) : 0, directLine };
  }

  /** Writes still queued for the group commit (none after a drain, unless a turn outlived it), then the file. */
  async close(): Promise<void> {
    this.integrity?.stop();
    if (!this.db.open) return;
    GroupCommit.for(this.db).flush();
    this.db.close();
  }
}
