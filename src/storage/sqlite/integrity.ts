/**
 * Damage inside the SQLite file (a page overwritten, a disk error, a copy taken mid-write) goes unnoticed until some
 * query happens to read the damaged page and fails. `PRAGMA quick_check` reads every page and checks the b-tree
 * structure (it skips only the index-content cross-check of the full integrity_check), so damage is found at
 * start-up and on a schedule (SQLITE_CHECK_INTERVAL_HOURS) instead: /healthz turns "degraded", the log says what to
 * do, and the staff pages show a banner. The start-up check runs on the bot's connection before it takes requests;
 * the scheduled ones in a worker thread on a read-only connection of their own (integrityWorker.ts), so turns are
 * never held up (docs/operations.md has the time per size).
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../logger';
import type { Db } from './db';

export interface IntegrityStatus {
  ok: boolean;
  /** When the last check ran (ISO time). */
  checkedAt?: string;
  /** The first problems quick_check reported (or the error it failed with). */
  problems?: string[];
}

const MAX_PROBLEMS = 5;

/** Runs PRAGMA quick_check; a check that cannot even run (the schema page is damaged) counts as damage. */
export function quickCheck(db: Db): string[] {
  try {
    const rows = db.pragma(`quick_check(${MAX_PROBLEMS})`) as Array<{ quick_check: string }>;
    const problems = rows.map((r) => r.quick_check).filter((p) => p !== 'ok');
    return problems;
  } catch (err) {
    return [(err as Error)?.message ?? String(err)];
  }
}

export class IntegrityMonitor {
  private current: IntegrityStatus = { ok: true };
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly path: string,
    private readonly logger: Logger,
  ) {}

  get status(): IntegrityStatus {
    return this.current;
  }

  /** Checks on the bot's own connection (blocks it while the file is read). */
  check(): IntegrityStatus {
    return this.record(quickCheck(this.db), Date.now());
  }

  /** Checks in a worker thread on a read-only connection of its own. */
  checkInBackground(): Promise<IntegrityStatus> {
    const started = Date.now();
    return new Promise((resolve) => {
      const worker = new Worker(join(__dirname, 'integrityWorker.js'), { workerData: { path: this.path } });
      let done = false;
      const finish = (problems: string[]) => {
        if (done) return;
        done = true;
        resolve(this.record(problems, started));
      };
      worker.once('message', (problems: string[]) => finish(problems));
      worker.once('error', (err) => {
        // The check could not run (no threads, say): that is not damage; try on the bot's connection instead.
        this.logger.warn('database check could not run in a worker; checking on the main connection', { error: err.message });
        if (!done) {
          done = true;
          resolve(this.check());
        }
      });
      worker.once('exit', () => finish(this.current.ok ? [] : (this.current.problems ?? [])));
    });
  }

  private record(problems: string[], started: number): IntegrityStatus {
    const wasOk = this.current.ok;
    this.current = { ok: problems.length === 0, checkedAt: new Date(started).toISOString(), ...(problems.length ? { problems } : {}) };
    if (!this.current.ok) {
      this.logger.error(
        'DATABASE DAMAGED: PRAGMA quick_check found problems in the SQLite file. Stop the bot, keep a copy of the damaged file, and restore the last good backup (docs/operations.md, "Damaged database")',
        {
          path: this.path,
          problems,
        },
      );
    } else if (!wasOk) {
      this.logger.info('database check passed again', { path: this.path });
    } else {
      this.logger.debug('database check passed', { path: this.path, ms: Date.now() - started });
    }
    return this.current;
  }

  /** Checks now, then every intervalHours in the background (0: only now). */
  start(intervalHours: number): void {
    this.check();
    if (intervalHours > 0) {
      this.timer = setInterval(() => void this.checkInBackground(), intervalHours * 3600_000);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
