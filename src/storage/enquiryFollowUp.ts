/**
 * Enquiry follow-up: who owns a call-back or booking request, how the call went (the outcome), staff notes, and a
 * history of who changed what and when. Every backend keeps the same contract (test/backend.test.ts); the history
 * and notes are deleted with the enquiry (a deletion request or the retention purge), as they may name the patient.
 * In SQLite: two columns on `enquiries` and a table of changes with ON DELETE CASCADE, added on first use.
 */
import type { Db } from './sqlite';

export const OUTCOMES = ['called', 'left_message', 'booked', 'no_answer', 'not_needed'] as const;
export type EnquiryOutcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<EnquiryOutcome, string> = {
  called: 'called',
  left_message: 'left a message',
  booked: 'booked',
  no_answer: 'no answer',
  not_needed: 'not needed',
};

export const MAX_NOTE_CHARS = 2000;

export type FollowUpAction = 'status' | 'owner' | 'outcome' | 'note';

export interface FollowUpEvent {
  at: Date;
  by: string;
  action: FollowUpAction;
  /** The new value ('' when cleared); the note's text for `note`. */
  value: string;
}

/** What a staff member changes at once; undefined leaves a field as it is, null clears it. */
export interface FollowUpChange {
  status?: 'new' | 'done';
  owner?: string | null;
  outcome?: EnquiryOutcome | null;
  note?: string;
}

/** `owner` filter of an enquiry list: a staff name, or UNASSIGNED for enquiries nobody owns. */
export const UNASSIGNED = '-';

export function isOutcome(value: unknown): value is EnquiryOutcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

/** The events a change produces against the current values (nothing for a field set to what it already is). */
export function changeEvents(current: { status: string; owner?: string; outcome?: string }, change: FollowUpChange, by: string, at: Date): FollowUpEvent[] {
  const events: FollowUpEvent[] = [];
  if (change.status !== undefined && change.status !== current.status) events.push({ at, by, action: 'status', value: change.status });
  if (change.owner !== undefined && (change.owner ?? '') !== (current.owner ?? '')) events.push({ at, by, action: 'owner', value: change.owner ?? '' });
  if (change.outcome !== undefined && (change.outcome ?? '') !== (current.outcome ?? '')) events.push({ at, by, action: 'outcome', value: change.outcome ?? '' });
  if (change.note?.trim()) events.push({ at, by, action: 'note', value: change.note.trim().slice(0, MAX_NOTE_CHARS) });
  return events;
}

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
        const current = this.db.prepare<[number], { status: string; owner: string | null; outcome: string | null }>('SELECT status, owner, outcome FROM enquiries WHERE id = ?').get(id);
        if (!current) return false;
        const events = changeEvents({ status: current.status, owner: current.owner ?? undefined, outcome: current.outcome ?? undefined }, change, by, new Date(now));
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
      .prepare<[number], { at: number; by: string; action: FollowUpAction; value: string }>('SELECT at, by, action, value FROM enquiry_history WHERE enquiry_id = ? ORDER BY id')
      .all(id)
      .map((r) => ({ at: new Date(r.at), by: r.by, action: r.action, value: r.value }));
  }
}
