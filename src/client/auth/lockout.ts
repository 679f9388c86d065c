import type { PinMisses } from '../data/meta';

/** Wrong PINs allowed in a row before the tablet makes the person wait. */
export const FREE_MISSES = 5;

/** The waits after the 5th, 6th, 7th… miss; the last one repeats. */
const WAITS_MS = [30_000, 60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000] as const;

/**
 * How long the tablet refuses a person's PIN after `misses` wrong ones in a
 * row: nothing for the first few (a slip of the finger), then a growing wait,
 * capped so that a person locked out by a curious child is back within the
 * quarter hour. Guessing 10,000 PINs this way takes months.
 */
export function lockoutDelayMs(misses: number): number {
  if (misses < FREE_MISSES) return 0;
  return WAITS_MS[Math.min(misses - FREE_MISSES, WAITS_MS.length - 1)]!;
}

/** The record after one more wrong PIN at `now` (epoch ms). */
export function afterMiss(previous: PinMisses | undefined, now: number): PinMisses {
  const misses = (previous?.misses ?? 0) + 1;
  return { misses, lockedUntil: now + lockoutDelayMs(misses) };
}

/** Milliseconds until the person may try again; 0 when they may now. */
export function remainingLockMs(record: PinMisses | undefined, now: number): number {
  return record ? Math.max(0, record.lockedUntil - now) : 0;
}
