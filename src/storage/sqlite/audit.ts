/**
 * The staff audit log (../audit.ts) in SQLite: one row per entry, newest first by (at, id). Its table is created on
 * first use.
 */
import { AuditEntry, AuditFilter, AuditLog, AuditPage, auditLimit, parseAuditCursor } from '../audit';
import type { Db } from './db';

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

export class SqliteAuditLog implements AuditLog {
  constructor(private readonly db: Db) {
    db.exec(SCHEMA);
  }

  async record(e: AuditEntry): Promise<void> {
    this.db
      .prepare('INSERT INTO staff_audit (at, user, action, target, detail) VALUES (?, ?, ?, ?, ?)')
      .run(e.at.getTime(), e.user, e.action, e.target ?? null, e.detail ?? null);
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
      .prepare<Array<string | number>, Row>(
        `SELECT * FROM staff_audit ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY at DESC, id DESC LIMIT ?`,
      )
      .all(...params, limit + 1);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items: rows.slice(0, limit).map((r) => ({
        at: new Date(r.at),
        user: r.user,
        action: r.action,
        ...(r.target ? { target: r.target } : {}),
        ...(r.detail ? { detail: r.detail } : {}),
      })),
      next: last ? `${last.at}.${last.id}` : undefined,
    };
  }

  async purgeBefore(cutoff: number): Promise<number> {
    return this.db.prepare('DELETE FROM staff_audit WHERE at < ?').run(cutoff).changes;
  }
}
