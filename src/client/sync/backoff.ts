/** Waits between automatic syncs: calm when all is well, backing off after failures (S10). */
export const IDLE_INTERVAL_MS = 60_000;
export const NUDGE_DELAY_MS = 800;
const BASE_MS = 2_000;
const MAX_MS = 5 * 60_000;

/**
 * Exponential backoff with "full jitter": a random wait up to the doubled
 * ceiling, so many tablets coming back online at once do not retry together.
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
