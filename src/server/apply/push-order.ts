import type { MutationEnvelope, MutationResult } from '../../shared/protocol/messages';
import type { Store } from '../store/store';
import { applyBatch, PredecessorNotApplied, type BatchContext } from './apply-batch';

/** How long a batch waits in this process for the batch it follows (S2). */
export const PREDECESSOR_WAIT_MS = 10_000;

/**
 * Wakes batches waiting for a device's earlier batch. A tablet sends batch
 * k+1 before the answer to batch k; if k+1 is ready first (a smaller body, a
 * faster connection) it waits here until this process commits another batch
 * of the device, then checks again. Only a hint: the authoritative check is
 * the one inside the apply transaction, so several server processes behind a
 * load balancer stay correct (a batch whose predecessor went to another
 * process simply waits out its time and is answered out_of_order).
 */
export class PushOrder {
  private readonly waiting = new Map<string, Set<() => void>>();

  constructor(private readonly maxWaitMs: number = PREDECESSOR_WAIT_MS) {}

  /**
   * Applies `mutations` once the batch ending with `after` is applied for the
   * centre. Throws PredecessorNotApplied when it still is not after the wait.
   */
  async apply(store: Store, ctx: BatchContext, mutations: readonly MutationEnvelope[]): Promise<MutationResult[]> {
    if (!ctx.after) {
      const results = await applyBatch(store, ctx, mutations);
      this.wake(ctx.deviceId);
      return results;
    }
    const deadline = performance.now() + this.maxWaitMs;
    for (;;) {
      // Listen before checking, so a commit between the check and the wait is not missed.
      const commit = this.nextCommit(ctx.deviceId, Math.max(0, deadline - performance.now()));
      try {
        const results = await applyBatch(store, ctx, mutations);
        this.wake(ctx.deviceId);
        return results;
      } catch (error) {
        if (!(error instanceof PredecessorNotApplied) || performance.now() >= deadline) throw error;
        await commit.promise;
      } finally {
        commit.cancel();
      }
    }
  }

  /** Resolves when this process next commits a batch of the device, or after `ms`. */
  private nextCommit(deviceId: string, ms: number): { promise: Promise<void>; cancel: () => void } {
    let set = this.waiting.get(deviceId);
    if (!set) this.waiting.set(deviceId, (set = new Set()));
    const waiters = set;
    let wake: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const timer = setTimeout(wake, ms);
    waiters.add(wake);
    const cancel = () => {
      clearTimeout(timer);
      waiters.delete(wake);
      if (waiters.size === 0 && this.waiting.get(deviceId) === waiters) this.waiting.delete(deviceId);
    };
    return { promise, cancel };
  }

  private wake(deviceId: string): void {
    for (const wake of this.waiting.get(deviceId) ?? []) wake();
  }
}
