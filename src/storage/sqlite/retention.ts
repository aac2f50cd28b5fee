/**
 * Privacy operations on the SQLite file: the retention purge (scheduled by ../retention.ts), and deleting one
 * conversation on request.
 *
 * The purge removes conversations with no activity for the retention period (their activities,
 * recognitions and search index with them), bot state not written for that long, enquiries marked
 * done that long ago, and expired staff sessions. Enquiries still "new" are never purged: someone
 * is waiting for a call. It works in batches so the bot's writes are never held up for long.
 */
import type { DeletedConversation, PurgeResult } from '../retention';
import type { Db } from './db';

const BATCH = 500;

export function purgeOlderThan(db: Db, cutoff: number, now = Date.now()): PurgeResult {
  const pick = db.prepare<[number, number], { id: number }>('SELECT id FROM conversations WHERE last_at < ? LIMIT ?');
  const remove = db.prepare<[number]>('DELETE FROM conversations WHERE id = ?');
  const batch = db.transaction((ids: number[]) => {
    for (const id of ids) remove.run(id);
  });
  let conversations = 0;
  for (;;) {
    const ids = pick.all(cutoff, BATCH).map((r) => r.id);
    if (!ids.length) break;
    batch.immediate(ids);
    conversations += ids.length;
    if (ids.length < BATCH) break;
  }
  const states = db.prepare('DELETE FROM bot_state WHERE updated_at < ?').run(cutoff).changes;
  const enquiries = db.prepare("DELETE FROM enquiries WHERE status = 'done' AND done_at < ?").run(cutoff).changes;
  const sessions = db.prepare('DELETE FROM staff_sessions WHERE expires_at < ?').run(now).changes;
  return { conversations, states, enquiries, sessions };
}

/**
 * Deletes everything kept about one conversation (a patient's request): its transcript, summary,
 * recognitions, its enquiries (they hold the contact details) and its conversation state.
 */
export function deleteConversation(db: Db, id: number): DeletedConversation | undefined {
  return db
    .transaction(() => {
      const row = db
        .prepare<[number], { channel_id: string; conversation_id: string; activity_count: number }>(
          'SELECT channel_id, conversation_id, activity_count FROM conversations WHERE id = ?',
        )
        .get(id);
      if (!row) return undefined;
      db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
      const enquiries = db
        .prepare('DELETE FROM enquiries WHERE channel_id = ? AND conversation_id = ?')
        .run(row.channel_id, row.conversation_id).changes;
      const states = db.prepare('DELETE FROM bot_state WHERE key = ?').run(`${row.channel_id}/conversations/${row.conversation_id}/`).changes;
      return { channelId: row.channel_id, conversationId: row.conversation_id, activities: row.activity_count, enquiries, states };
    })
    .immediate();
}
