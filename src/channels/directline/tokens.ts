/**
 * Direct Line tokens: HMAC-SHA256 over a compact payload, scoped to one conversation and one visitor,
 * with an expiry. Two kinds: the conversation token the client sends as "Authorization: Bearer", and a
 * short-lived stream token that only opens that conversation's WebSocket (it travels in the stream URL,
 * so it should not be good for anything else or for long).
 *
 * Format: dl1.<base64url(JSON payload)>.<base64url(HMAC-SHA256(secret, "dl1." + payload))>
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type TokenKind = 'conversation' | 'stream';

export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  kind: TokenKind;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  /** malformed / bad signature / wrong kind: not a token of ours (401); expired: it was, but no longer (403). */
  | { ok: false; reason: 'malformed' | 'signature' | 'kind' | 'expired' };

interface Payload {
  c: string;
  u: string;
  e: number;
  k: 'c' | 's';
}

const VERSION = 'dl1';
/** Ids we mint are base64url; anything else in a payload is not ours. */
const ID = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_TOKEN_CHARS = 512;

export const STREAM_TOKEN_TTL_SECONDS = 120;

export function newId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

export class TokenService {
  private readonly key: Buffer;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    if (secret.length < 32) throw new Error('the Direct Line secret must be at least 32 characters');
    this.key = Buffer.from(secret, 'utf8');
  }

  /** A token for a conversation; ttlSeconds defaults to the configured lifetime. */
  issue(
    conversationId: string,
    userId: string,
    kind: TokenKind = 'conversation',
    ttlSeconds?: number,
  ): { token: string; claims: TokenClaims; expiresIn: number } {
    const expiresIn = ttlSeconds ?? (kind === 'stream' ? STREAM_TOKEN_TTL_SECONDS : this.ttlSeconds);
    const exp = Math.floor(this.now() / 1000) + expiresIn;
    const payload: Payload = { c: conversationId, u: userId, e: exp, k: kind === 'stream' ? 's' : 'c' };
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    const token = `${VERSION}.${body}.${this.sign(body)}`;
    return { token, claims: { conversationId, userId, exp, kind }, expiresIn };
  }

  verify(token: string | undefined, kind: TokenKind = 'conversation'): TokenCheck {
    if (!token || token.length > MAX_TOKEN_CHARS) return { ok: false, reason: 'malformed' };
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' };
    const [, body, signature] = parts;
    const expected = Buffer.from(this.sign(body), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
    let payload: Payload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (
      !payload ||
      typeof payload.c !== 'string' ||
      !ID.test(payload.c) ||
      typeof payload.u !== 'string' ||
      !ID.test(payload.u) ||
      !Number.isInteger(payload.e)
    ) {
      return { ok: false, reason: 'malformed' };
    }
    const claimsKind: TokenKind = payload.k === 's' ? 'stream' : 'conversation';
    if (claimsKind !== kind) return { ok: false, reason: 'kind' };
    if (payload.e * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    // Tokens issued before this version also carry "p" (the issuing process); any instance now serves any conversation.
    return { ok: true, claims: { conversationId: payload.c, userId: payload.u, exp: payload.e, kind: claimsKind } };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(`${VERSION}.${body}`).digest('base64url');
  }
}

/**
 * The signing secret when DIRECTLINE_SECRET is not set: generated at first start and kept in a file
 * (owner-only), so that visitors' tokens stay valid across restarts.
 */
export function loadOrCreateSecret(file: string): { secret: string; created: boolean } {
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length < 32) throw new Error(`${file} does not hold a Direct Line secret (at least 32 characters); delete it to generate a new one`);
    return { secret, created: false };
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecret(file);
    throw err;
  }
  chmodSync(file, 0o600);
  return { secret, created: true };
}
