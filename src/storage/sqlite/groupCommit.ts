/**
 * Group commit for the bot's SQLite writes.
 *
 * With SQLITE_SYNCHRONOUS=FULL every COMMIT waits for an fsync of the WAL (0.4–0.9 ms on this kind of
 * disk), and better-sqlite3 runs it on the event loop. A turn writes three times (the question, the
 * state, the replies), so one transaction per write made the fsyncs alone cost 1–3 ms per turn, during
 * which no other patient's turn could run.
 *
 * Here writes are queued and committed together: every write asked for while the event loop is busy
 * goes into one transaction at the next `setImmediate`, each write in a SAVEPOINT of its own (so one
 * failing write, say an eTag conflict, is rolled back alone and fails only its caller), and each
 * caller's promise resolves only after the COMMIT. Durability is unchanged: nothing is reported written
 * (and no HTTP answer goes out) before it is on disk. With 16 turns in flight, one fsync serves many
 * of them; with one, it costs a single event-loop hop.
 */
import type { Db } from './db';

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

const perDatabase = new WeakMap<Db, GroupCommit>();

export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;
  private readonly commitAll: (jobs: Job[]) => Array<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  /** Transactions committed, and writes they carried (for benchmarks and tests). */
  readonly stats = { commits: 0, writes: 0 };

  /** The one queue of a database connection: every store on that connection shares it, so they share commits. */
  static for(db: Db): GroupCommit {
    let commits = perDatabase.get(db);
    if (!commits) {
      commits = new GroupCommit(db);
      perDatabase.set(db, commits);
    }
    return commits;
  }

  private constructor(private readonly db: Db) {
    // Nested inside the outer transaction, better-sqlite3 runs this as SAVEPOINT ... RELEASE / ROLLBACK TO.
    const savepoint = db.transaction((work: () => unknown) => work());
    const outer = db.transaction((jobs: Job[]) =>
      jobs.map((job) => {
        try {
          return { ok: true as const, value: savepoint(job.work) };
        } catch (error) {
          return { ok: false as const, error };
        }
      }),
    );
    // IMMEDIATE: take the write lock first, so a second process (the CLI) waits (busy_timeout) instead of failing mid-way.
    this.commitAll = (jobs) => outer.immediate(jobs);
  }

  /**
   * Runs `work` (synchronous statements, or a better-sqlite3 transaction function) inside the next group
   * commit; resolves with its result once that transaction is committed, rejects with its error if it threw
   * (its changes rolled back) or with the commit's error if the whole transaction failed.
   */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits what is queued now (also called before the database is closed). */
  flush(): void {
    this.scheduled = false;
    const jobs = this.queue;
    if (!jobs.length) return;
    this.queue = [];
    let results: ReturnType<typeof this.commitAll>;
    try {
      if (!this.db.open) throw new Error('the database is closed');
      results = this.commitAll(jobs);
    } catch (err) {
      for (const job of jobs) job.reject(err);
      return;
    }
    this.stats.commits++;
    this.stats.writes += jobs.length;
    jobs.forEach((job, i) => {
      const r = results[i];
      if (r.ok) job.resolve(r.value);
      else job.reject(r.error);
    });
  }
}
