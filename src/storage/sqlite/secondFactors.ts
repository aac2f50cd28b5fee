/**
 * Staff two-factor records (../secondFactors.ts) in SQLite: one JSON row per account, table created on first use.
 */
import type { SecondFactor, SecondFactorStore } from '../secondFactors';
import type { Db } from './db';

export class SqliteSecondFactors implements SecondFactorStore {
  constructor(private readonly db: Db) {
    db.exec('CREATE TABLE IF NOT EXISTS staff_second_factors (user TEXT PRIMARY KEY, data TEXT NOT NULL)');
  }

  async get(user: string): Promise<SecondFactor | undefined> {
    const row = this.db.prepare<[string], { data: string }>('SELECT data FROM staff_second_factors WHERE user = ?').get(user);
    return row ? (JSON.parse(row.data) as SecondFactor) : undefined;
  }

  async put(user: string, record: SecondFactor): Promise<void> {
    this.db
      .prepare('INSERT INTO staff_second_factors (user, data) VALUES (?, ?) ON CONFLICT (user) DO UPDATE SET data = excluded.data')
      .run(user, JSON.stringify(record));
  }

  async remove(user: string): Promise<void> {
    this.db.prepare('DELETE FROM staff_second_factors WHERE user = ?').run(user);
  }
}
