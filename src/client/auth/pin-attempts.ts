import type { CunzhanDb } from '../data/db';
import { AppError, AppErrorCode } from '../data/errors';
import { getMeta, setMeta, type PinMisses } from '../data/meta';
import { afterMiss, remainingLockMs } from './lockout';

/**
 * Wrong PINs per person, in `meta` so a reload does not reset them. Only
 * this tablet's screen is protected this way (see shared/auth/PROOF.md).
 */
export async function pinMissesOf(database: CunzhanDb, staffId: string): Promise<PinMisses | undefined> {
  return (await getMeta(database, 'pinMisses'))?.[staffId];
}

/** Throws `locked_out` (with the seconds left) while the person must wait. */
export async function assertMayTryPin(database: CunzhanDb, staffId: string, now: number = Date.now()): Promise<void> {
  const left = remainingLockMs(await pinMissesOf(database, staffId), now);
  if (left > 0) throw new AppError(AppErrorCode.lockedOut, { retryAfterSeconds: Math.ceil(left / 1000) });
}

async function update(database: CunzhanDb, change: (all: Record<string, PinMisses>) => void): Promise<void> {
  await database.transaction('rw', database.meta, async () => {
    const all = { ...((await getMeta(database, 'pinMisses')) ?? {}) };
    change(all);
    await setMeta(database, 'pinMisses', all);
  });
}

/** Counts one wrong PIN; returns the record, whose `lockedUntil` may now be in the future. */
export async function recordPinMiss(database: CunzhanDb, staffId: string, now: number = Date.now()): Promise<PinMisses> {
  let record: PinMisses = { misses: 0, lockedUntil: 0 };
  await update(database, (all) => {
    record = afterMiss(all[staffId], now);
    all[staffId] = record;
  });
  return record;
}

/** A right PIN, or an admin's unlock, starts the count again. */
export async function clearPinMisses(database: CunzhanDb, staffId: string): Promise<void> {
  if (!(await pinMissesOf(database, staffId))) return;
  await update(database, (all) => {
    delete all[staffId];
  });
}
