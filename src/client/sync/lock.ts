/**
 * One tab syncs at a time (S10): Web Locks with ifAvailable, so a second tab
 * skips its turn instead of queueing. Where Web Locks are missing the caller
 * still runs (the engine itself never overlaps its own cycles).
 * Returns false when another holder had the lock.
 */
export async function withSyncLock(name: string, run: () => Promise<void>): Promise<boolean> {
  const locks = globalThis.navigator?.locks;
  if (!locks?.request) {
    await run();
    return true;
  }
  return locks.request(name, { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await run();
    return true;
  });
}
