/**
 * The staff audit log: who viewed, exported, deleted or changed what, and when. Entries name the staff account, the
 * action and its target by id ("conversation 12", "enquiry 3", a date range), never patient details. Kept as long as
 * the conversations themselves (TRANSCRIPT_RETENTION_DAYS), then purged. Same contract in every backend
 * (test/backend.test.ts): newest first, filters by user, action and time, keyset paging.
 */
import type { Db } from './sqlite';

export interface AuditEntry {
  at: Date;
  user: string;
  action: string;
  /** What it was done to: "conversation 12", "enquiry 3", "2025-03-01 to 2025-03-31 (csv)". */
  target?: string;
  /** Which fields changed, the number of items exported, … (no patient details). */
  detail?: string;
}

export interface AuditFilter {
  user?: string;
  action?: string;
  /** At or after (ms). */
  from?: number;
  /** Before (ms). */
  to?: number;
  /** Cursor from the previous page. */
  before?: string;
  limit?: number;
}

export interface AuditPage {
  items: AuditEntry[];
  next?: string;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  list(filter?: AuditFilter): Promise<AuditPage>;
  /** Deletes entries older than `cutoff`; returns how many. */
  purgeBefore(cutoff: number): Promise<number>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS staff_audit (
  id     INTEGER PRIMARY KEY,
  at     INTEGER NOT NULL,
  user   TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS staff_audit_at ON staff_audit (at, id);
`;

interface Row {
  id: number;
  at: number;
  user: string;
  action: string;
  target: string | null;
  detail: string | null;
}

export function auditLimit(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? 100), 1), 5000);
}

/** "<ms>.<id>" cursors, as the enquiry list's. */
export function parseAuditCursor(cursor: string | undefined): [number, string] | undefined {
  const m = cursor ? /^(\d{1,15})\.([0-9a-z-]{1,60})$/.exec(cursor) : null;
  return m ? [Number(m[1]), m[2]] : undefined;
}

export class SqliteAuditLog implements AuditLog {
  constructor(private readonly db: Db) {
    db.exec(SCHEMA);
  }

  async record(e: AuditEntry): Promise<void> {
    this.db.prepare('INSERT INTO staff_audit (at, user, action, target, detail) VALUES (?, ?, ?, ?, ?)').run(e.at.getTime(), e.user, e.action, e.target ?? null, e.detail ?? null);
  }

  async list(filter: AuditFilter = {}): Promise<AuditPage> {
    const limit = auditLimit(filter.limit);
    const where: string[] = [];
    const params: Array<string | number> = [];
    const add = (sql: string, value: string | number) => {
      where.push(sql);
      params.push(value);
    };
    if (filter.user) add('user = ?', filter.user);
    if (filter.action) add('action = ?', filter.action);
    if (filter.from !== undefined) add('at >= ?', filter.from);
    if (filter.to !== undefined) add('at < ?', filter.to);
    const cursor = parseAuditCursor(filter.before);
    if (cursor && /^\d+$/.test(cursor[1])) {
      where.push('(at, id) < (?, ?)');
      params.push(cursor[0], Number(cursor[1]));
    }
    const rows = this.db
      .prepare<Array<string | number>, Row>(`SELECT * FROM staff_audit ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY at DESC, id DESC LIMIT ?`)
      .all(...params, limit + 1);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items: rows.slice(0, limit).map((r) => ({ at: new Date(r.at), user: r.user, action: r.action, ...(r.target ? { target: r.target } : {}), ...(r.detail ? { detail: r.detail } : {}) })),
      next: last ? `${last.at}.${last.id}` : undefined,
    };
  }

  async purgeBefore(cutoff: number): Promise<number> {
    return this.db.prepare('DELETE FROM staff_audit WHERE at < ?').run(cutoff).changes;
  }
}
