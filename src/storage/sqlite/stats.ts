/**
 * Dashboard figures (../stats.ts) from the SQLite conversation summaries, recognitions and enquiries, grouped by day
 * in SQL (SQLite's 'localtime' is the server's time zone, as the day keys of the pages), so a year of a busy clinic
 * is a few index range scans, not a walk over every row in JavaScript.
 */
import type { EnquiryStatus } from '../enquiries';
import { DashboardStats, StatsBuilder, StatsRange } from '../stats';
import type { Db } from './db';

const DAY = "date(%s / 1000, 'unixepoch', 'localtime')";
const day = (column: string) => DAY.replace('%s', column);

/** The index the figures' range scans need on recognitions (created once, on an existing database too). */
export function ensureStatsIndex(db: Db): void {
  db.exec('CREATE INDEX IF NOT EXISTS recognitions_at ON recognitions (at)');
}

/** Dashboard figures for the range. */
export function sqliteStats(db: Db, range: StatsRange): DashboardStats {
  const b = new StatsBuilder(range);
  const span = [range.from, range.to] as const;
  for (const r of db
    .prepare<[number, number], { d: string; n: number }>(
      `SELECT ${day('started_at')} AS d, count(*) AS n FROM conversations WHERE started_at >= ? AND started_at < ? GROUP BY d`,
    )
    .all(...span)) {
    b.conversationsOn(r.d, r.n);
  }
  for (const r of db
    .prepare<[number, number], { d: string; outcome: string; n: number; u: number }>(
      `SELECT ${day('at')} AS d, outcome, count(*) AS n, sum(unanswered) AS u FROM recognitions WHERE at >= ? AND at < ? GROUP BY d, outcome`,
    )
    .all(...span)) {
    b.outcomesOn(r.d, r.outcome, r.n, r.u);
  }
  for (const r of db
    .prepare<[number, number], { intent: string; n: number }>(
      "SELECT intent, count(*) AS n FROM recognitions WHERE at >= ? AND at < ? AND outcome <> 'urgent' GROUP BY intent ORDER BY n DESC LIMIT 20",
    )
    .all(...span)) {
    b.intent(r.intent, r.n);
  }
  for (const r of db
    .prepare<[number, number], { condition: string; n: number }>(
      'SELECT condition, count(*) AS n FROM recognitions WHERE at >= ? AND at < ? AND condition IS NOT NULL GROUP BY condition ORDER BY n DESC LIMIT 20',
    )
    .all(...span)) {
    b.condition(r.condition, r.n);
  }
  for (const r of db
    .prepare<[number, number], { d: string; n: number }>(
      `SELECT ${day('created_at')} AS d, count(*) AS n FROM enquiries WHERE created_at >= ? AND created_at < ? GROUP BY d`,
    )
    .all(...span)) {
    b.enquiriesOn(r.d, r.n);
  }
  const counts = db.prepare<[], { status: EnquiryStatus; n: number }>('SELECT status, count(*) AS n FROM enquiries GROUP BY status').all();
  return b.result({ open: counts.find((c) => c.status === 'new')?.n ?? 0, done: counts.find((c) => c.status === 'done')?.n ?? 0 });
}
