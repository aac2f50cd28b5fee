/**
 * Token-bucket rate limits keyed by anything (a conversation id, a client address, a token). Memory is
 * bounded: full buckets carry no information and are dropped, and the map never exceeds maxKeys.
 */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until one more request would be allowed (for Retry-After). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /**
   * @param perMinute sustained requests per minute per key (0 disables the limit)
   * @param burst requests allowed at once before the rate applies
   */
  constructor(
    readonly perMinute: number,
    readonly burst: number = Math.max(1, Math.ceil(perMinute / 4)),
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateDecision {
    if (this.perMinute <= 0) return { allowed: true, retryAfterSeconds: 0 };
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updated: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.updated) * ratePerMs);
    bucket.updated = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.store(key, bucket);
      return { allowed: true, retryAfterSeconds: 0 };
    }
    this.store(key, bucket);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private store(key: string, bucket: Bucket): void {
    this.buckets.delete(key); // re-insert: Map order doubles as least-recently-used order
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
  }
}
