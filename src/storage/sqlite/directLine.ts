/**
 * Direct Line conversations in the SQLite file (see ../directLine.ts): `directline_conversations` (owner, watermark,
 * last activity) and `directline_activities` (one row per activity, by number). An append reads the watermark and
 * inserts after it inside the connection's group commit, whose transaction is IMMEDIATE: it holds the database's
 * write lock, so two processes sharing the file append one after the other and never reuse a number.
 */
import {
  AppendedSet,
  AppendOptions,
  DirectLineOwnerError,
  DirectLineStore,
  firstNumber,
  MAX_STORED_ACTIVITIES,
  NumberedActivity,
  StoredDirectLineSet,
} from '../directLine';
import type { Db } from './db';
import { GroupCommit } from './groupCommit';

interface Head {
  user_id: string;
  watermark: number;
}

export class SqliteDirectLineStore implements DirectLineStore {
  private readonly commits: GroupCommit;
  private readonly statements;

  constructor(db: Db) {
    this.commits = GroupCommit.for(db);
    this.statements = {
      head: db.prepare<[string], Head>('SELECT user_id, watermark FROM directline_conversations WHERE id = ?'),
      create: db.prepare<[string, string, number, number, number]>(
        'INSERT INTO directline_conversations (id, user_id, watermark, created_at, last_at) VALUES (?, ?, ?, ?, ?)',
      ),
      advance: db.prepare<[number, number, string]>('UPDATE directline_conversations SET watermark = ?, last_at = ? WHERE id = ?'),
      insert: db.prepare<[string, number, string]>('INSERT INTO directline_activities (conversation, seq, body) VALUES (?, ?, ?)'),
      trim: db.prepare<[string, number]>('DELETE FROM directline_activities WHERE conversation = ? AND seq <= ?'),
      since: db.prepare<[string, number], { seq: number; body: string }>(
        'SELECT seq, body FROM directline_activities WHERE conversation = ? AND seq > ? ORDER BY seq',
      ),
      remove: db.prepare<[string]>('DELETE FROM directline_conversations WHERE id = ?'),
      old: db.prepare<[number, number], { id: string }>('SELECT id FROM directline_conversations WHERE last_at < ? LIMIT ?'),
    };
  }

  append(
    conversationId: string,
    userId: string,
    activities: Array<Record<string, unknown>>,
    options: AppendOptions,
  ): Promise<AppendedSet | undefined> {
    const bodies = activities.map((a) => JSON.stringify(a));
    const now = options.now ?? Date.now();
    return this.commits.run(() => {
      const s = this.statements;
      const head = s.head.get(conversationId);
      if (head && options.onlyIfNew) return undefined;
      if (head && head.user_id !== userId) throw new DirectLineOwnerError(conversationId);
      const first = firstNumber(head?.watermark, options);
      const watermark = first + bodies.length - 1;
      if (!head) s.create.run(conversationId, userId, Math.max(0, first - 1), now, now);
      bodies.forEach((body, i) => s.insert.run(conversationId, first + i, body));
      s.advance.run(Math.max(watermark, head?.watermark ?? 0), now, conversationId);
      // Beyond the cap the oldest go: numbers are consecutive (but for a jump after an outage), so everything up to (watermark - cap).
      if (watermark - MAX_STORED_ACTIVITIES >= 1) s.trim.run(conversationId, watermark - MAX_STORED_ACTIVITIES);
      return { activities: activities.map((activity, i) => ({ seq: first + i, activity })), watermark, previous: head?.watermark ?? 0 };
    });
  }

  async since(conversationId: string, watermark: number | undefined): Promise<StoredDirectLineSet | undefined> {
    const head = this.statements.head.get(conversationId);
    if (!head) return undefined;
    const activities: NumberedActivity[] = [];
    for (const row of this.statements.since.all(conversationId, watermark ?? 0)) {
      try {
        activities.push({ seq: row.seq, activity: JSON.parse(row.body) as Record<string, unknown> });
      } catch {
        /* a damaged row: left out rather than failing every later read */
      }
    }
    return { userId: head.user_id, activities, watermark: head.watermark };
  }

  async watermarks(conversationIds: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const id of conversationIds) {
      const head = this.statements.head.get(id);
      if (head) out.set(id, head.watermark);
    }
    return out;
  }

  async delete(conversationId: string): Promise<boolean> {
    return this.commits.run(() => this.statements.remove.run(conversationId).changes > 0);
  }

  async purgeOlderThan(cutoff: number): Promise<number> {
    let removed = 0;
    for (;;) {
      const ids = this.statements.old.all(cutoff, 500).map((r) => r.id);
      if (!ids.length) return removed;
      removed += await this.commits.run(() => ids.reduce((n, id) => n + this.statements.remove.run(id).changes, 0));
      if (ids.length < 500) return removed;
    }
  }
}
