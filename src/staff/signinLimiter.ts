/**
 * The staff sign-in limit. An attempt is counted BEFORE its password is checked (scrypt takes tens of milliseconds,
 * so counting afterwards let a burst of concurrent requests all be checked before the first failure was recorded):
 * of a burst of 20 at once, at most the limit are checked and the rest are refused with 429, even a correct password.
 *
 * What is counted, in a sliding window (15 minutes):
 *  - per client address AND account name (`limit`): the lockout. Someone elsewhere failing a colleague's name does
 *    not lock that colleague out, only themselves, from their own address;
 *  - per client address over all names (4 x `limit`): one address cannot try every name;
 *  - failed attempts from everywhere (`slowdownAfter`): beyond it, every password check first waits `slowdownMs`
 *    (a distributed guesser gets slow, nobody gets locked out).
 * A successful sign-in takes its own attempt back and clears that address-and-name's count. Memory is bounded
 * (stale keys are pruned; at most maxKeys are kept, oldest first out).
 */
export interface SigninLimits {
  limit: number;
  slowdownAfter: number;
  slowdownMs?: number;
  windowMs?: number;
  maxKeys?: number;
}

export type SigninDecision = { allowed: false; retryAfterSeconds: number } | { allowed: true; attempt: SigninAttempt };

export interface SigninAttempt {
  /** Wait this long before checking the password (the global slow-down; 0 normally). */
  delayMs: number;
  /** The password was right: the attempt does not count, and the address-and-name starts afresh. */
  succeeded(): void;
  /** The password was wrong: the attempt stays counted and adds to the global count. */
  failed(): void;
}

const ADDRESS_FACTOR = 4;

export class SigninLimiter {
  private readonly attempts = new Map<string, number[]>();
  private globalFailures: number[] = [];
  private readonly windowMs: number;
  private readonly slowdownMs: number;
  private readonly maxKeys: number;

  constructor(
    private readonly limits: SigninLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.windowMs = limits.windowMs ?? 15 * 60_000;
    this.slowdownMs = limits.slowdownMs ?? 1000;
    this.maxKeys = limits.maxKeys ?? 50_000;
  }

  /** Counts an attempt by `address` at `account` now, or says how long to wait. */
  begin(address: string, account: string): SigninDecision {
    const now = this.now();
    const pairKey = `pair:${address}\n${account.toLowerCase()}`;
    const addressKey = `addr:${address}`;
    const waits = [this.wait(pairKey, this.limits.limit, now), this.wait(addressKey, this.limits.limit * ADDRESS_FACTOR, now)];
    const retryAfterSeconds = Math.max(...waits);
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds };
    this.add(pairKey, now);
    this.add(addressKey, now);
    this.globalFailures = this.globalFailures.filter((t) => t > now - this.windowMs);
    const delayMs = this.globalFailures.length >= this.limits.slowdownAfter ? this.slowdownMs : 0;
    let settled = false;
    return {
      allowed: true,
      attempt: {
        delayMs,
        succeeded: () => {
          if (settled) return;
          settled = true;
          this.attempts.delete(pairKey);
          this.takeBack(addressKey, now);
        },
        failed: () => {
          if (settled) return;
          settled = true;
          this.globalFailures.push(this.now());
          if (this.globalFailures.length > this.limits.slowdownAfter * 2) this.globalFailures.shift();
        },
      },
    };
  }

  /** Keys currently remembered (for tests and the memory bound). */
  get size(): number {
    return this.attempts.size;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.attempts.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length) this.attempts.set(key, list);
    else this.attempts.delete(key);
    return list;
  }

  private wait(key: string, limit: number, now: number): number {
    const list = this.recent(key, now);
    if (list.length < limit) return 0;
    return Math.max(1, Math.ceil((list[list.length - limit] + this.windowMs - now) / 1000));
  }

  private add(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    this.attempts.delete(key); // re-insert: Map order is oldest-first for pruning
    this.attempts.set(key, list);
    if (this.attempts.size > this.maxKeys) this.prune(now);
  }

  private takeBack(key: string, at: number): void {
    const list = this.attempts.get(key);
    const i = list?.lastIndexOf(at) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }

  private prune(now: number): void {
    for (const key of [...this.attempts.keys()]) this.recent(key, now);
    while (this.attempts.size > this.maxKeys) this.attempts.delete(this.attempts.keys().next().value as string);
  }
}
