/**
 * The staff audit log: who viewed, exported, deleted or changed what, and when. Entries name the staff account, the
 * action and its target by id ("conversation 12", "enquiry 3", a date range), never patient details. Kept as long as
 * the conversations themselves (TRANSCRIPT_RETENTION_DAYS), then purged. Same contract in every backend
 * (test/backend.test.ts): newest first, filters by user, action and time, keyset paging.
 */

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

export function auditLimit(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? 100), 1), 5000);
}

/** "<ms>.<id>" cursors, as the enquiry list's. */
export function parseAuditCursor(cursor: string | undefined): [number, string] | undefined {
  const m = cursor ? /^(\d{1,15})\.([0-9a-z-]{1,60})$/.exec(cursor) : null;
  return m ? [Number(m[1]), m[2]] : undefined;
}
