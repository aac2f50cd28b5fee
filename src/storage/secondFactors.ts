/**
 * Staff two-factor sign-in records (src/staff/totp.ts): per account, the TOTP secret (pending until confirmed with a
 * first code), when it was turned on, hashes of the unused recovery codes and the last time step accepted (a code is
 * accepted once). SQLite: one row per account; Azure Blob: `staff-totp/<account>` (azure/index.ts), so every
 * instance sees the same record.
 */
import type { Db } from './sqlite';

export interface SecondFactor {
  /** Base32 TOTP secret. */
  secret: string;
  /** Set once the first code confirmed the authenticator app; before that the secret is pending. */
  enabledAt?: number;
  /** SHA-256 hashes (hex) of the recovery codes not used yet. */
  recoveryHashes: string[];
  /** The TOTP time step of the last code accepted: that code and older ones are refused (no replay). */
  lastTimeStep?: number;
}

export interface SecondFactorStore {
  get(user: string): Promise<SecondFactor | undefined>;
  put(user: string, record: SecondFactor): Promise<void>;
  remove(user: string): Promise<void>;
}

export class SqliteSecondFactors implements SecondFactorStore {
  constructor(private readonly db: Db) {
    db.exec('CREATE TABLE IF NOT EXISTS staff_second_factors (user TEXT PRIMARY KEY, data TEXT NOT NULL)');
  }

  async get(user: string): Promise<SecondFactor | undefined> {
    const row = this.db.prepare<[string], { data: string }>('SELECT data FROM staff_second_factors WHERE user = ?').get(user);
    return row ? (JSON.parse(row.data) as SecondFactor) : undefined;
  }

  async put(user: string, record: SecondFactor): Promise<void> {
    this.db.prepare('INSERT INTO staff_second_factors (user, data) VALUES (?, ?) ON CONFLICT (user) DO UPDATE SET data = excluded.data').run(user, JSON.stringify(record));
  }

  async remove(user: string): Promise<void> {
    this.db.prepare('DELETE FROM staff_second_factors WHERE user = ?').run(user);
  }
}
