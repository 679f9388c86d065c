import { liveQuery } from 'dexie';
import { db as defaultDb, type CunzhanDb } from '../data/db';
import { getMeta } from '../data/meta';
import { endSessionBecause } from './session';

/** How long a tablet left alone stays signed in, unless an admin sets another time in Settings. */
export const DEFAULT_IDLE_LOCK_MS = 2 * 60_000;
/** The times Settings offers. */
export const IDLE_LOCK_CHOICES_MS = [30_000, 60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000] as const;

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export async function idleLockMs(database: CunzhanDb = defaultDb): Promise<number> {
  return (await getMeta(database, 'idleLockMs')) ?? DEFAULT_IDLE_LOCK_MS;
}

/**
 * Locks the tablet after `idleLockMs` without a touch or a key. Timers stop
 * while a tablet sleeps, so waking it checks the time that really passed.
 * The setting is watched, so a new one applies at once. Returns stop.
 */
export function watchIdle(database: CunzhanDb = defaultDb): () => void {
  let limit = DEFAULT_IDLE_LOCK_MS;
  let last = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => endSessionBecause('idle');
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, last + limit - Date.now()));
  };
  const touched = () => {
    last = Date.now();
    arm();
  };
  const woke = () => {
    if (document.visibilityState !== 'visible') return;
    if (Date.now() - last >= limit) fire();
    else arm();
  };
  const setting = liveQuery(() => idleLockMs(database)).subscribe({
    next: (ms) => {
      limit = ms;
      arm();
    },
    error: () => undefined, // the default stays
  });
  for (const type of ACTIVITY) window.addEventListener(type, touched, { capture: true, passive: true });
  document.addEventListener('visibilitychange', woke);
  arm();
  return () => {
    clearTimeout(timer);
    setting.unsubscribe();
    for (const type of ACTIVITY) window.removeEventListener(type, touched, { capture: true });
    document.removeEventListener('visibilitychange', woke);
  };
}
