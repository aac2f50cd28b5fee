/**
 * The teaching log (src/storage/teaching.ts) in the SQLite file: one row, updated in an IMMEDIATE transaction so that
 * two changes at once never overwrite each other. The table is created on first use (it is not part of schema v1).
 */
import { EMPTY_LOG, TeachingLog, TeachingStore } from '../teaching';
import type { Db } from './db';

export class SqliteTeachingStore implements TeachingStore {
  constructor(private readonly db: Db) {
    db.exec('CREATE TABLE IF NOT EXISTS teaching_log (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL)');
  }

  private readNow(): TeachingLog {
    const row = this.db.prepare<[], { body: string }>('SELECT body FROM teaching_log WHERE id = 1').get();
    return row ? (JSON.parse(row.body) as TeachingLog) : EMPTY_LOG;
  }

  async read(): Promise<TeachingLog> {
    return this.readNow();
  }

  async update(change: (log: TeachingLog) => TeachingLog | undefined): Promise<TeachingLog> {
    const run = this.db.transaction(() => {
      const current = this.readNow();
      const next = change(current);
      if (!next) return current;
      this.db
        .prepare('INSERT INTO teaching_log (id, body) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body')
        .run(JSON.stringify(next));
      return next;
    });
    return run.immediate();
  }
}
