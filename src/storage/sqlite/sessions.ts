/**
 * Staff sessions in the SQLite file (`staff_sessions`: token hashes only). Expired ones go with the backend's purge.
 */
import type { SessionRecords } from '../backend';
import type { Db } from './db';

export function sqliteSessionRecords(db: Db): SessionRecords {
  return {
    insert: async (hash, user, createdAt, expiresAt) => {
      db.prepare('INSERT INTO staff_sessions (token_hash, user, created_at, expires_at) VALUES (?, ?, ?, ?)').run(hash, user, createdAt, expiresAt);
    },
    get: async (hash) => {
      const row = db
        .prepare<[string], { user: string; expires_at: number }>('SELECT user, expires_at FROM staff_sessions WHERE token_hash = ?')
        .get(hash);
      return row && { user: row.user, expiresAt: row.expires_at };
    },
    remove: async (hash) => {
      db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(hash);
    },
    removeUser: async (user) => {
      db.prepare('DELETE FROM staff_sessions WHERE user = ?').run(user);
    },
  };
}
