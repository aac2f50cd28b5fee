/**
 * Dashboard figures (../stats.ts) from the SQLite conversation summaries, recognitions and enquiries.
 */
import type { EnquiryStatus } from '../enquiries';
import { DashboardStats, StatsBuilder, StatsRange } from '../stats';
import type { Db } from './db';

/** Dashboard figures from the SQLite summary, recognition and enquiry tables. */
export function sqliteStats(db: Db, range: StatsRange): DashboardStats {
  const b = new StatsBuilder(range);
  for (const r of db
    .prepare<[number, number], { started_at: number }>('SELECT started_at FROM conversations WHERE started_at >= ? AND started_at < ?')
    .iterate(range.from, range.to)) {
    b.conversation(r.started_at);
  }
  const recognitions = db.prepare<[number, number], { at: number; intent: string; outcome: string; condition: string | null; unanswered: number }>(
    'SELECT at, intent, outcome, condition, unanswered FROM recognitions WHERE at >= ? AND at < ?',
  );
  for (const r of recognitions.iterate(range.from, range.to)) b.recognition({ ...r, unanswered: r.unanswered === 1 });
  for (const r of db
    .prepare<[number, number], { created_at: number }>('SELECT created_at FROM enquiries WHERE created_at >= ? AND created_at < ?')
    .iterate(range.from, range.to)) {
    b.enquiry(r.created_at);
  }
  const counts = db.prepare<[], { status: EnquiryStatus; n: number }>('SELECT status, count(*) AS n FROM enquiries GROUP BY status').all();
  return b.result({ open: counts.find((c) => c.status === 'new')?.n ?? 0, done: counts.find((c) => c.status === 'done')?.n ?? 0 });
}
