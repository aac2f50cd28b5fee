/**
 * Privacy operations: the retention purge (TRANSCRIPT_RETENTION_DAYS, run on a schedule), and
 * deleting one conversation on request.
 *
 * The purge removes conversations with no activity for the retention period (their activities,
 * recognitions and search index with them), bot state not written for that long, enquiries marked
 * done that long ago, and expired staff sessions. Enquiries still "new" are never purged: someone
 * is waiting for a call. It works in batches so the bot's writes are never held up for long.
 */
import type { Logger } from '../logger';
import type { Db } from './sqlite';

export const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

export interface PurgeResult {
  conversations: number;
  states: number;
  enquiries: number;
  sessions: number;
}

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

export function purge(db: Db, retentionDays: number, now = Date.now()): PurgeResult {
  if (retentionDays <= 0) {
    const sessions = db.prepare('DELETE FROM staff_sessions WHERE expires_at < ?').run(now).changes;
    return { conversations: 0, states: 0, enquiries: 0, sessions };
  }
  return purgeOlderThan(db, now - retentionDays * DAY_MS, now);
}

export interface DeletedConversation {
  channelId: string;
  conversationId: string;
  activities: number;
  enquiries: number;
  states: number;
}

/**
 * Deletes everything kept about one conversation (a patient's request): its transcript, summary,
 * recognitions, its enquiries (they hold the contact details) and its conversation state.
 */
export function deleteConversation(db: Db, id: number): DeletedConversation | undefined {
  return db
    .transaction(() => {
      const row = db.prepare<[number], { channel_id: string; conversation_id: string; activity_count: number }>(
        'SELECT channel_id, conversation_id, activity_count FROM conversations WHERE id = ?',
      ).get(id);
      if (!row) return undefined;
      db.prepare('DELETE FROM conversations WHERE id = ?').run(id);
      const enquiries = db.prepare('DELETE FROM enquiries WHERE channel_id = ? AND conversation_id = ?').run(row.channel_id, row.conversation_id).changes;
      const states = db.prepare('DELETE FROM bot_state WHERE key = ?').run(`${row.channel_id}/conversations/${row.conversation_id}/`).changes;
      return { channelId: row.channel_id, conversationId: row.conversation_id, activities: row.activity_count, enquiries, states };
    })
    .immediate();
}

/**
 * Runs the purge now and then every `intervalHours`; returns a stop function. Each run also refreshes
 * the query planner's statistics for the conversation list (ANALYZE, with STAT4 histograms): with
 * them SQLite picks the right index for a date range (a narrow one: the started_at index; a wide one:
 * the list order itself), which keeps the staff list fast as the store grows.
 */
export function schedulePurge(db: Db, retentionDays: number, intervalHours: number, logger: Logger): () => void {
  const run = () => {
    try {
      const started = Date.now();
      const result = purge(db, retentionDays);
      if (result.conversations || result.states || result.enquiries) {
        logger.info('retention purge', { retentionDays, ...result, ms: Date.now() - started });
      }
      db.exec('ANALYZE conversations');
    } catch (err) {
      logger.error('retention purge failed', { error: (err as Error).message });
    }
  };
  run();
  const timer = setInterval(run, intervalHours * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
