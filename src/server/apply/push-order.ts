import type { MutationEnvelope, MutationResult } from '../../shared/protocol/messages';
import type { Store } from '../store/store';
import { applyBatch, PredecessorNotApplied, type BatchContext } from './apply-batch';

/** How long a batch waits for the batch it follows (S2). */
export const PREDECESSOR_WAIT_MS = 10_000;

/** The first pause between looks at the database; each pause doubles up to POLL_MAX_MS. */
const POLL_FIRST_MS = 5;
const POLL_MAX_MS = 50;
/**
 * A predecessor whose mutations were all refused writes no rows, so the
 * centre's feed does not move: the apply is tried again this often anyway.
 */
const RETRY_MS = 250;

/** Resolves a sleeper early when this process commits a batch of the device. */
interface Waiter {
  /** Sleeps `ms` or until a commit; true when a commit came since the last call. */
  sleep(ms: number): Promise<boolean>;
  cancel(): void;
}

/**
 * Holds back a batch until the batch it follows is applied. A tablet sends
 * batch k+1 before the answer to batch k; if k+1 is ready first (a smaller
 * body, a faster connection, or k went to another server process behind a
 * load balancer) it waits here. The authoritative check is the one inside
 * the apply transaction; while waiting, the batch is tried again as soon as
 * this process commits another batch of the device, or the centre's feed
 * moves in the database (a commit by any process), read with short polls.
 */
export class PushOrder {
  private readonly waiting = new Map<string, Set<() => void>>();

  constructor(private readonly maxWaitMs: number = PREDECESSOR_WAIT_MS) {}

  /**
   * Applies `mutations` once the batch ending with `after` is applied for the
   * centre. Throws PredecessorNotApplied when it still is not after the wait.
   */
  async apply(store: Store, ctx: BatchContext, mutations: readonly MutationEnvelope[]): Promise<MutationResult[]> {
    if (!ctx.after) return this.applyAndWake(store, ctx, mutations);
    const deadline = performance.now() + this.maxWaitMs;
    // Listen before the first try, so a commit of this process during it is not missed.
    const waiter = this.listen(ctx.deviceId);
    try {
      // The centre's last seq, read before the latest try: a commit after that try moves it.
      let seen: number | null = null;
      let pause = POLL_FIRST_MS;
      for (;;) {
        try {
          return await this.applyAndWake(store, ctx, mutations);
        } catch (error) {
          if (!(error instanceof PredecessorNotApplied) || performance.now() >= deadline) throw error;
        }
        if (seen === null) {
          // Not read before the first try, which usually succeeds: read now and try once more.
          seen = await store.lastSeq(ctx.centreId);
          continue;
        }
        const triedAt = performance.now();
        for (;;) {
          const left = deadline - performance.now();
          if (left <= 0) break;
          const woken = await waiter.sleep(Math.min(pause, left));
          pause = Math.min(POLL_MAX_MS, pause * 2);
          if (woken || performance.now() - triedAt >= RETRY_MS) break;
          const now = await store.lastSeq(ctx.centreId);
          if (now !== seen) {
            seen = now;
            break;
          }
        }
      }
    } finally {
      waiter.cancel();
    }
  }

  private async applyAndWake(store: Store, ctx: BatchContext, mutations: readonly MutationEnvelope[]): Promise<MutationResult[]> {
    const results = await applyBatch(store, ctx, mutations);
    this.wake(ctx.deviceId);
    return results;
  }

  private listen(deviceId: string): Waiter {
    let set = this.waiting.get(deviceId);
    if (!set) this.waiting.set(deviceId, (set = new Set()));
    const waiters = set;
    let woken = false;
    let interrupt: (() => void) | null = null;
    const wake = () => {
      woken = true;
      interrupt?.();
    };
    waiters.add(wake);
    return {
      async sleep(ms) {
        if (!woken) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, ms);
            interrupt = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          interrupt = null;
        }
        const was = woken;
        woken = false;
        return was;
      },
      cancel: () => {
        interrupt?.();
        waiters.delete(wake);
        if (waiters.size === 0 && this.waiting.get(deviceId) === waiters) this.waiting.delete(deviceId);
      },
    };
  }

  private wake(deviceId: string): void {
    for (const wake of this.waiting.get(deviceId) ?? []) wake();
  }
}
