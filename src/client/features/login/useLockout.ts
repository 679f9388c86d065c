import { useLiveQuery } from 'dexie-react-hooks';
import { pinMissesOf } from '../../auth/pin-attempts';
import { remainingLockMs } from '../../auth/lockout';
import { db } from '../../data/db';
import { useNow } from '../../ui/useNow';

/** Milliseconds until this person may type a PIN again (0: now), ticking each second while it counts down. */
export function useLockout(staffId: string): number {
  const record = useLiveQuery(() => pinMissesOf(db, staffId), [staffId]);
  const now = useNow(1000);
  return remainingLockMs(record, Math.max(now, Date.now()));
}

/** m:ss, for the countdown. */
export function countdown(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
