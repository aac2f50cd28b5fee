/**
 * Staff sessions that survive a storage outage. When a session cannot be written (disk full, storage account
 * unreachable, damaged database) it is kept in this process's memory instead, with a warning in the log, so staff
 * can still sign in and see the banner that says what is wrong. Such a session ends when the bot restarts and is
 * known to this instance only. Reads that fail are treated as "no such session" (sign in again), never as an error
 * page with the storage's error text.
 */
import type { Logger } from '../logger';
import type { SessionRecords } from '../storage/backend';

/** Sessions kept in memory at most (the oldest go first); expired ones are dropped on every insert. */
const MAX_MEMORY_SESSIONS = 1000;

export function withMemoryFallback(records: SessionRecords, logger: Logger, now: () => number = Date.now): SessionRecords {
  const memory = new Map<string, { user: string; expiresAt: number }>();
  const prune = () => {
    const t = now();
    for (const [hash, s] of memory) if (s.expiresAt <= t) memory.delete(hash);
    while (memory.size > MAX_MEMORY_SESSIONS) memory.delete(memory.keys().next().value as string);
  };
  return {
    insert: async (hash, user, createdAt, expiresAt) => {
      try {
        await records.insert(hash, user, createdAt, expiresAt);
      } catch (err) {
        prune();
        memory.set(hash, { user, expiresAt });
        logger.warn('staff session kept in memory: it could not be stored (it ends when the bot restarts)', { user, error: (err as Error)?.message });
      }
    },
    get: async (hash) => {
      const kept = memory.get(hash);
      if (kept) return kept;
      try {
        return await records.get(hash);
      } catch (err) {
        logger.warn('staff session could not be read', { error: (err as Error)?.message });
        return undefined;
      }
    },
    remove: async (hash) => {
      memory.delete(hash);
      await records.remove(hash).catch((err) => logger.warn('staff session could not be removed', { error: (err as Error)?.message }));
    },
    removeUser: async (user) => {
      for (const [hash, s] of memory) if (s.user === user) memory.delete(hash);
      await records.removeUser(user).catch((err) => logger.warn('staff sessions could not be removed', { user, error: (err as Error)?.message }));
    },
  };
}
