/**
 * Enquiry follow-up (../enquiryFollowUp.ts) in SQLite: `owner` and `outcome` columns on `enquiries` and a table of
 * changes (`enquiry_history`) that goes with its enquiry (ON DELETE CASCADE), added to an existing database on first use.
 */
import { changeEvents, FollowUpAction, FollowUpChange, FollowUpEvent } from '../enquiryFollowUp';
import type { Db } from './db';

const HISTORY_SCHEMA = `
CREATE TABLE IF NOT EXISTS enquiry_history (
  id         INTEGER PRIMARY KEY,
  enquiry_id INTEGER NOT NULL REFERENCES enquiries (id) ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  by         TEXT NOT NULL,
  action     TEXT NOT NULL,
  value      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS enquiry_history_enquiry ON enquiry_history (enquiry_id, id);
`;

/** Adds the follow-up columns and the history table to an existing database (idempotent). */
export function ensureFollowUpSchema(db: Db): void {
  const columns = new Set((db.prepare('PRAGMA table_info(enquiries)').all() as Array<{ name: string }>).map((c) => c.name));
  db.transaction(() => {
    if (!columns.has('owner')) db.exec('ALTER TABLE enquiries ADD COLUMN owner TEXT');
    if (!columns.has('outcome')) db.exec('ALTER TABLE enquiries ADD COLUMN outcome TEXT');
    db.exec(HISTORY_SCHEMA);
    db.exec('CREATE INDEX IF NOT EXISTS enquiries_owner ON enquiries (owner, created_at)');
  }).immediate();
}

export class SqliteFollowUps {
  constructor(private readonly db: Db) {
    ensureFollowUpSchema(db);
  }

  /** Applies a change and records it; false when there is no such enquiry. */
  update(id: number, by: string, change: FollowUpChange, now = Date.now()): boolean {
    return this.db
      .transaction(() => {
        const current = this.db
          .prepare<[number], { status: string; owner: string | null; outcome: string | null }>(
            'SELECT status, owner, outcome FROM enquiries WHERE id = ?',
          )
          .get(id);
        if (!current) return false;
        const events = changeEvents(
          { status: current.status, owner: current.owner ?? undefined, outcome: current.outcome ?? undefined },
          change,
          by,
          new Date(now),
        );
        const add = this.db.prepare('INSERT INTO enquiry_history (enquiry_id, at, by, action, value) VALUES (?, ?, ?, ?, ?)');
        for (const e of events) {
          add.run(id, now, by, e.action, e.value);
          if (e.action === 'status') {
            if (e.value === 'done') this.db.prepare("UPDATE enquiries SET status = 'done', done_at = ?, done_by = ? WHERE id = ?").run(now, by, id);
            else this.db.prepare("UPDATE enquiries SET status = 'new', done_at = NULL, done_by = NULL WHERE id = ?").run(id);
          }
          if (e.action === 'owner') this.db.prepare('UPDATE enquiries SET owner = ? WHERE id = ?').run(e.value || null, id);
          if (e.action === 'outcome') this.db.prepare('UPDATE enquiries SET outcome = ? WHERE id = ?').run(e.value || null, id);
        }
        return true;
      })
      .immediate();
  }

  history(id: number): FollowUpEvent[] {
    return this.db
      .prepare<[number], { at: number; by: string; action: FollowUpAction; value: string }>(
        'SELECT at, by, action, value FROM enquiry_history WHERE enquiry_id = ? ORDER BY id',
      )
      .all(id)
      .map((r) => ({ at: new Date(r.at), by: r.by, action: r.action, value: r.value }));
  }
}
