/**
 * Keeps the bot answering when its state storage is unavailable. A failed read is logged and the turn runs
 * without remembered context; a failed write is logged and dropped; /healthz reports "degraded" until storage
 * answers again. Two things are never hidden: eTag conflicts (another instance wrote first, so the turn must
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

export class ResilientStorage implements Storage {
  private failingSince?: number;
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

  get health(): { storage: StorageHealth; since?: string; error?: string } {
    if (this.failingSince === undefined) return { storage: 'ok' };
    return { storage: 'degraded', since: new Date(this.failingSince).toISOString(), error: this.lastError };
  }

  async read(keys: string[]): Promise<StoreItems> {
    try {
      const items = await this.inner.read(keys);
      for (const k of keys) this.unreadKeys.delete(k);
      this.recovered();
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
      this.recovered();
    } catch (err) {
      if (isConflict(err)) throw err;
      this.failed('write', err);
    }
  }

  async delete(keys: string[]): Promise<void> {
    try {
      await this.inner.delete(keys);
      this.recovered();
    } catch (err) {
      this.failed('delete', err);
    }
  }

  private failed(operation: string, err: unknown): void {
    this.lastError = (err as Error)?.message ?? String(err);
    if (this.failingSince === undefined) {
      this.failingSince = this.now();
      this.logger.error('state storage unavailable: answering without conversation memory', { operation, error: this.lastError });
    } else {
      this.logger.warn('state storage still unavailable', { operation, error: this.lastError });
    }
  }

  private recovered(): void {
    if (this.failingSince === undefined) return;
    this.logger.info('state storage available again', { downForMs: this.now() - this.failingSince });
    this.failingSince = undefined;
    this.lastError = undefined;
  }
}
