/**
 * Staff two-factor sign-in records (src/staff/totp.ts): per account, the TOTP secret (pending until confirmed with a
 * first code), when it was turned on, hashes of the unused recovery codes and the last time step accepted (a code is
 * accepted once). SQLite: one row per account (sqlite/secondFactors.ts); Azure Blob: `staff-totp/<account>` (azure/index.ts), so every
 * instance sees the same record.
 */

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
