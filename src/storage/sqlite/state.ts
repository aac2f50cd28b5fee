/**
 * botbuilder `Storage` over SQLite: conversation state, user state and dialog stacks survive a
 * restart or a crash.
 *
 * eTag semantics are MemoryStorage's (and CosmosDbPartitionedStorage's):
 *  - read returns each stored item with its current `eTag`; missing keys are left out;
 *  - write with `eTag: '*'` or no eTag writes unconditionally (last writer wins; BotState.saveChanges
 *    always writes this way);
 *  - write with any other eTag succeeds only if it is the stored item's current eTag, otherwise it
 *    throws `Storage: error writing "<key>" due to eTag conflict.` (a new key is simply created);
 *  - every write gets a new eTag.
 * Unlike MemoryStorage, a write of several items is one transaction: a conflict on one writes none.
 * The database serialises writers, also across processes sharing the file, so a read-modify-write
 * with the eTag never loses another writer's update: it fails and can be retried.
 * Writes go through the connection's GroupCommit: a write resolves once its transaction is committed,
 * sharing the commit (and its fsync) with the other turns' writes of the same moment.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { GroupCommit } from './groupCommit';
import type { Db } from './db';

export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

export class SqliteStorage implements Storage {
  private readonly select: (key: string) => { etag: string; data: string } | undefined;
  private readonly writeAll: (changes: StoreItems, now: number) => void;
  private readonly deleteAll: (keys: string[]) => void;
  private readonly commits: GroupCommit;

  constructor(private readonly db: Db) {
    this.commits = GroupCommit.for(db);
    const select = db.prepare<[string], { etag: string; data: string }>('SELECT etag, data FROM bot_state WHERE key = ?');
    const currentEtag = db.prepare<[string], { etag: string }>('SELECT etag FROM bot_state WHERE key = ?');
    const upsert = db.prepare<[string, string, string, number]>(
      'INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at',
    );
    const remove = db.prepare<[string]>('DELETE FROM bot_state WHERE key = ?');
    this.select = (key) => select.get(key);
    const writeAll = db.transaction((changes: StoreItems, now: number) => {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...data } = (item ?? {}) as { eTag?: string };
        if (eTag && eTag !== '*') {
          const current = currentEtag.get(key);
          if (current && current.etag !== eTag) throw new ETagConflictError(key);
        }
        upsert.run(key, randomUUID(), JSON.stringify(data), now);
      }
    });
    // IMMEDIATE: take the write lock before reading the eTags, so no other connection can slip in between.
    this.writeAll = (changes, now) => writeAll.immediate(changes, now);
    const deleteAll = db.transaction((keys: string[]) => {
      for (const key of keys) remove.run(key);
    });
    this.deleteAll = (keys) => deleteAll.immediate(keys);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.select(key);
      if (row) items[key] = { ...JSON.parse(row.data), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const now = Date.now();
    await this.commits.run(() => this.writeAll(changes, now));
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await this.commits.run(() => this.deleteAll(keys));
  }

  /** Deletes state last written before `cutoff` (retention). Returns the number of items deleted. */
  purgeOlderThan(cutoff: number): number {
    return this.db.prepare('DELETE FROM bot_state WHERE updated_at < ?').run(cutoff).changes;
  }

  /** Deletes one conversation's state (a deletion request). */
  deleteConversationState(channelId: string, conversationId: string): number {
    // ConversationState's key is `${channelId}/conversations/${conversationId}/`.
    return this.db.prepare('DELETE FROM bot_state WHERE key = ?').run(`${channelId}/conversations/${conversationId}/`).changes;
  }
}
