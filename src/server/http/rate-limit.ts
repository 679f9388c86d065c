/** How many attempts a key may make: `burst` at once, refilled at `perMinute`. */
export interface Budget {
  burst: number;
  perMinute: number;
}

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimiterOptions {
  /** Keys remembered at most; the least recently used go first. */
  maxKeys?: number | undefined;
  /** Milliseconds, injectable for tests. */
  now?: (() => number) | undefined;
}

/**
 * Token buckets keyed by string (an address, a code prefix). The map is
 * bounded so that a flood of distinct keys costs memory only up to maxKeys;
 * a forgotten key starts full again, which is the worst it can do.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(
    private readonly budget: Budget,
    { maxKeys = 10_000, now = Date.now }: RateLimiterOptions = {},
  ) {
    this.perMs = budget.perMinute / 60_000;
    this.maxKeys = maxKeys;
    this.now = now;
  }

  /** Spends one token of `key`, or says how long until one is back. */
  take(key: string): Taken {
    const bucket = this.refilled(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    const waitMs = this.perMs > 0 ? (1 - bucket.tokens) / this.perMs : Number.POSITIVE_INFINITY;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.min(86_400, Math.ceil(waitMs / 1000))) };
  }

  /** Returns a token taken for an attempt that turned out not to count. */
  giveBack(key: string): void {
    const bucket = this.refilled(key);
    bucket.tokens = Math.min(this.budget.burst, bucket.tokens + 1);
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string): Bucket {
    const now = this.now();
    const found = this.buckets.get(key);
    const bucket = found ?? { tokens: this.budget.burst, at: now };
    bucket.tokens = Math.min(this.budget.burst, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    bucket.at = now;
    // Re-inserting keeps the map in least-recently-used order.
    if (found) this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    return bucket;
  }
}
