/**
 * Dashboard figures (../stats.ts) from the SQLite conversation summaries, recognitions and enquiries, counted in SQL
 * per quarter of an hour (UTC), then each quarter put on its day in the server's time zone (every time zone's offset
 * is a whole number of quarters, so no quarter straddles two days). Cheaper than SQLite's per-row 'localtime', and a
 * few hundred rows per day of range reach JavaScript instead of every recognition.
 */
import type { EnquiryStatus } from '../enquiries';
import { DashboardStats, dayKey, StatsBuilder, StatsRange } from '../stats';
import type { Db } from './db';

const QUARTER_MS = 15 * 60_000;
const quarter = (column: string) => `${column} / ${QUARTER_MS}`;
/** The day (YYYY-MM-DD, server time zone) of a quarter number, remembered per query. */
function dayOfQuarter(): (q: number) => string {
  const seen = new Map<number, string>();
  return (q) => {
    let d = seen.get(q);
    if (d === undefined) seen.set(q, (d = dayKey(q * QUARTER_MS)));
    return d;
  };
}

/** The index the figures' range scans need on recognitions (created once, on an existing database too). */
export function ensureStatsIndex(db: Db): void {
  db.exec('CREATE INDEX IF NOT EXISTS recognitions_at ON recognitions (at)');
}

/** Dashboard figures for the range. */
export function sqliteStats(db: Db, range: StatsRange): DashboardStats {
  const b = new StatsBuilder(range);
  const span = [range.from, range.to] as const;
  const dayOf = dayOfQuarter();
  for (const r of db
    .prepare<[number, number], { q: number; n: number }>(
      `SELECT ${quarter('started_at')} AS q, count(*) AS n FROM conversations WHERE started_at >= ? AND started_at < ? GROUP BY q`,
    )
    .all(...span)) {
    b.conversationsOn(dayOf(r.q), r.n);
  }
  for (const r of db
    .prepare<[number, number], { q: number; outcome: string; n: number; u: number }>(
      `SELECT ${quarter('at')} AS q, outcome, count(*) AS n, sum(unanswered) AS u FROM recognitions WHERE at >= ? AND at < ? GROUP BY q, outcome`,
    )
    .all(...span)) {
    b.outcomesOn(dayOf(r.q), r.outcome, r.n, r.u);
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
    .prepare<[number, number], { q: number; n: number }>(
      `SELECT ${quarter('created_at')} AS q, count(*) AS n FROM enquiries WHERE created_at >= ? AND created_at < ? GROUP BY q`,
    )
    .all(...span)) {
    b.enquiriesOn(dayOf(r.q), r.n);
  }
  const counts = db.prepare<[], { status: EnquiryStatus; n: number }>('SELECT status, count(*) AS n FROM enquiries GROUP BY status').all();
  return b.result({ open: counts.find((c) => c.status === 'new')?.n ?? 0, done: counts.find((c) => c.status === 'done')?.n ?? 0 });
}
