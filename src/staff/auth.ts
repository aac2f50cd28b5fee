/**
 * Staff sign-in: scrypt password hashes compared in constant time, server-side sessions in the storage
 * backend behind a signed HttpOnly SameSite=Strict cookie, CSRF tokens derived from the session, and a
 * sign-in limit (signinLimiter.ts). Nothing else authenticates: an Authorization header (a Direct Line or channel
 * token) is never looked at.
 */
import { createHash, createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { StaffAccount } from '../config';
import type { SessionRecords } from '../storage/backend';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, keylen, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** "scrypt.N.r.p.salt.hash" (base64url): no ':' or ',' so it fits STAFF_USERS, no '$' so shells leave it alone. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('.');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('.');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  // Refuse parameters that would let a crafted hash exhaust memory or CPU.
  if (!(N >= 1024 && N <= 1 << 20 && (N & (N - 1)) === 0 && r >= 1 && r <= 32 && p >= 1 && p <= 16)) return false;
  const salt = Buffer.from(parts[4], 'base64url');
  const expected = Buffer.from(parts[5], 'base64url');
  if (expected.length < 16) return false;
  const actual = await scrypt(password, salt, N, r, p, expected.length);
  return timingSafeEqual(actual, expected);
}

// Checked when the account name is unknown, so that the answer takes as long as for a wrong password.
let dummyHash: Promise<string> | undefined;

export async function checkCredentials(users: StaffAccount[], name: string, password: string): Promise<StaffAccount | undefined> {
  const user = users.find((u) => u.name.toLowerCase() === name.trim().toLowerCase());
  if (!user) {
    dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
    await verifyPassword(password, await dummyHash);
    return undefined;
  }
  return (await verifyPassword(password, user.passwordHash)) ? user : undefined;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface Session {
  user: string;
  csrf: string;
  expiresAt: number;
}

export class Sessions {
  constructor(
    private readonly records: SessionRecords,
    private readonly secret: string,
    private readonly hours: number,
  ) {}

  private sign(value: string): string {
    return createHmac('sha256', this.secret).update(value).digest('base64url');
  }

  private static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  /** Starts a session; returns the cookie value. */
  async create(user: string, now = Date.now()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.records.insert(Sessions.hash(token), user, now, now + this.hours * 3600_000);
    return `${token}.${this.sign(token)}`;
  }

  /** The session for a cookie value, if it is genuine, known and not expired. */
  async find(cookie: string | undefined, now = Date.now()): Promise<Session | undefined> {
    if (!cookie) return undefined;
    const dot = cookie.indexOf('.');
    if (dot <= 0) return undefined;
    const token = cookie.slice(0, dot);
    if (!safeEqual(cookie.slice(dot + 1), this.sign(token))) return undefined;
    const row = await this.records.get(Sessions.hash(token));
    if (!row || row.expiresAt <= now) return undefined;
    return { user: row.user, csrf: this.sign(`csrf:${token}`), expiresAt: row.expiresAt };
  }

  async end(cookie: string | undefined): Promise<void> {
    const token = cookie?.split('.')[0];
    if (token) await this.records.remove(Sessions.hash(token));
  }

  /** Ends every session of an account (e.g. after removing it from STAFF_USERS). */
  async endAllFor(user: string): Promise<void> {
    await this.records.removeUser(user);
  }

  checkCsrf(session: Session, token: unknown): boolean {
    return typeof token === 'string' && safeEqual(token, session.csrf);
  }

  /** The sign-in form's CSRF pair: a random value for a cookie, and its signature for the form. */
  loginNonce(): { cookie: string; field: string } {
    const nonce = randomBytes(16).toString('base64url');
    return { cookie: nonce, field: this.sign(`login:${nonce}`) };
  }

  checkLoginNonce(cookie: string | undefined, field: unknown): boolean {
    return Boolean(cookie) && typeof field === 'string' && safeEqual(field, this.sign(`login:${cookie}`));
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

export function cookie(name: string, value: string, options: { maxAgeSeconds?: number; secure: boolean; path?: string }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? '/staff'}`, 'HttpOnly', 'SameSite=Strict'];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
