import { LIMITS } from '../../shared/protocol/messages';

export interface BatchSizeLimits {
  /** Mutations in the first batch, before anything is known about the link. */
  initial: number;
  min: number;
  max: number;
  /** A full batch answered faster than this doubles the next one. */
  fastMs: number;
  /** A batch answered slower than this halves the next one. */
  slowMs: number;
}

export const DEFAULT_BATCH_SIZE: BatchSizeLimits = {
  initial: 250,
  min: 20,
  max: LIMITS.pushMaxMutations,
  fastMs: 1_000,
  slowMs: 3_000,
};

/**
 * How many mutations the next push request carries (S4). A good link gets
 * fewer, larger requests; a slow one gets batches small enough that a cut
 * connection throws away only a few seconds of upload. Kept by the engine
 * across syncs, so a tablet on a poor link does not start big every time.
 */
export class BatchSizer {
  private current: number;
  readonly limits: BatchSizeLimits;

  constructor(limits: Partial<BatchSizeLimits> = {}) {
    this.limits = { ...DEFAULT_BATCH_SIZE, ...limits };
    this.current = this.clamp(this.limits.initial);
  }

  get size(): number {
    return this.current;
  }

  /** A batch of `count` mutations was answered `ms` after it was sent. */
  answered(count: number, ms: number): void {
    if (ms > this.limits.slowMs) this.current = this.clamp(Math.floor(Math.min(this.current, count) / 2));
    // Only a full batch says the link could carry more: a short one ran out of queue.
    else if (ms < this.limits.fastMs && count >= this.current) this.current = this.clamp(this.current * 2);
  }

  /** The request failed (cut, timed out, server error): try smaller next time. */
  failed(): void {
    this.current = this.clamp(Math.floor(this.current / 2));
  }

  private clamp(size: number): number {
    return Math.max(this.limits.min, Math.min(this.limits.max, size));
  }
}
