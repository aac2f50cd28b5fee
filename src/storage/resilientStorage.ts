/**
 * Keeps the bot answering when its state storage is unavailable. A failed read is logged and the turn runs
 * without remembered context; a failed write is logged and dropped; /healthz reports "degraded" until storage
 * answers again. Reads and writes are tracked apart: on a full disk reads still work while every write fails, and
 * that is an outage too (a dialog cannot move on if its step is never saved); it ends only when a write succeeds
 * (a turn's save, or probe(), which the app runs every few seconds while writes fail, and every successful read runs
 * while they do). Two things are never hidden: eTag conflicts (another instance wrote first, so the turn must
 * fail and be retried rather than overwrite) and, after a failed read, a write of that key without an eTag
 * (it would replace the real state with the empty state the turn started from).
 */
import type { Storage, StoreItems } from 'botbuilder';
import type { Logger } from '../logger';

export type StorageHealth = 'ok' | 'degraded';

/** Conflicts from SQLite (ETagConflictError), Azure Blobs and Cosmos (HTTP 412) and botbuilder's MemoryStorage. */
export function isConflict(err: unknown): boolean {
  const e = err as { name?: string; statusCode?: number; code?: number | string; message?: string };
  return e?.name === 'ETagConflictError' || e?.statusCode === 412 || e?.code === 412 || /etag/i.test(e?.message ?? '');
}

const REMEMBER_FAILED_READ_MS = 5 * 60_000;
/** The key probe() writes and deletes. */
const PROBE_KEY = 'clinic-bot/storage-probe';

export class ResilientStorage implements Storage {
  /** Since when reads, and writes (or deletes), have been failing. */
  private readFailingSince?: number;
  private writeFailingSince?: number;
  private lastError?: string;
  private readonly unreadKeys = new Map<string, number>();

  constructor(
    readonly inner: Storage,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the last read of `key` failed (within the last few minutes): the turn runs without that memory. */
  unreadable(key: string): boolean {
    const failedAt = this.unreadKeys.get(key);
    return failedAt !== undefined && this.now() - failedAt < REMEMBER_FAILED_READ_MS;
  }

  /** True while writes fail: nothing the bot is told can be kept (the patient is told, dialogs that store stop). */
  get writesFailing(): boolean {
    return this.writeFailingSince !== undefined;
  }

  get health(): { storage: StorageHealth; since?: string; error?: string; failing?: string } {
    const since = [this.readFailingSince, this.writeFailingSince].filter((t): t is number => t !== undefined);
    if (since.length === 0) return { storage: 'ok' };
    const failing = [this.readFailingSince !== undefined ? 'reads' : '', this.writeFailingSince !== undefined ? 'writes' : '']
      .filter(Boolean)
      .join(' and ');
    return { storage: 'degraded', since: new Date(Math.min(...since)).toISOString(), error: this.lastError, failing };
  }

  /** Tries one small write (and its delete): ends a write outage when storage takes writes again. */
  async probe(): Promise<boolean> {
    try {
      await this.inner.write({ [PROBE_KEY]: { at: this.now(), eTag: '*' } });
      await this.inner.delete([PROBE_KEY]);
      this.recovered('write');
      return true;
    } catch (err) {
      this.failed('write', err);
      return false;
    }
  }

  async read(keys: string[]): Promise<StoreItems> {
    try {
      const items = await this.inner.read(keys);
      for (const k of keys) this.unreadKeys.delete(k);
      this.recovered('read');
      // Storage answers again: find out now (not at the next scheduled probe, nor from one that started while it was
      // still down) whether it takes writes, before the turn decides whether it can save anything. Only while writes
      // fail; on a full disk this is one more failing write per turn.
      if (this.writeFailingSince !== undefined) await this.probe();
      return items;
    } catch (err) {
      if (isConflict(err)) throw err;
      this.failed('read', err);
      const at = this.now();
      for (const k of keys) this.unreadKeys.set(k, at);
      return {};
    }
  }

  async write(changes: StoreItems): Promise<void> {
    const at = this.now();
    const safe: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      const failedAt = this.unreadKeys.get(key);
      const blind = failedAt !== undefined && at - failedAt < REMEMBER_FAILED_READ_MS && !(item as { eTag?: string })?.eTag;
      if (!blind) safe[key] = item;
    }
    if (Object.keys(safe).length === 0) return;
    try {
      await this.inner.write(safe);
      this.recovered('write');
    } catch (err) {
      if (isConflict(err)) throw err;
      this.failed('write', err);
    }
  }

  async delete(keys: string[]): Promise<void> {
    try {
      await this.inner.delete(keys);
      this.recovered('write');
    } catch (err) {
      this.failed('delete', err);
    }
  }

  private failed(operation: 'read' | 'write' | 'delete', err: unknown): void {
    this.lastError = (err as Error)?.message ?? String(err);
    const wasOk = this.readFailingSince === undefined && this.writeFailingSince === undefined;
    if (operation === 'read') this.readFailingSince ??= this.now();
    else this.writeFailingSince ??= this.now();
    if (wasOk) {
      this.logger.error('state storage unavailable: answering without conversation memory', { operation, error: this.lastError });
    } else {
      this.logger.warn('state storage still unavailable', { operation, error: this.lastError });
    }
  }

  private recovered(what: 'read' | 'write'): void {
    const since = what === 'read' ? this.readFailingSince : this.writeFailingSince;
    if (since === undefined) return;
    if (what === 'read') this.readFailingSince = undefined;
    else this.writeFailingSince = undefined;
    this.logger.info(`state storage ${what}s work again`, { downForMs: this.now() - since });
    if (this.readFailingSince === undefined && this.writeFailingSince === undefined) this.lastError = undefined;
  }
}
