import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { afterMiss, FREE_MISSES, lockoutDelayMs, remainingLockMs } from '../../src/client/auth/lockout';
import { unlockByAdmin } from '../../src/client/auth/check-pin';
import { login, logout } from '../../src/client/auth/session';
import { CunzhanDb } from '../../src/client/data/db';
import { getMeta } from '../../src/client/data/meta';
import { keyedStaff, localDevice, TEST_PIN } from './support/local-device';

describe('the lockout schedule', () => {
  it('lets a few slips pass, then waits longer and longer, up to a cap', () => {
    const waits = Array.from({ length: 14 }, (_, i) => lockoutDelayMs(i));
    expect(waits.slice(0, FREE_MISSES)).toEqual([0, 0, 0, 0, 0]);
    expect(waits.slice(FREE_MISSES, FREE_MISSES + 4)).toEqual([30_000, 60_000, 120_000, 300_000]);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(Math.max(...waits)).toBe(15 * 60_000);
    expect(lockoutDelayMs(1000)).toBe(15 * 60_000);
  });

  it('counts misses and says how long is left', () => {
    let record = afterMiss(undefined, 1_000);
    expect(record).toEqual({ misses: 1, lockedUntil: 1_000 });
    for (let i = 0; i < 4; i++) record = afterMiss(record, 2_000);
    expect(record).toEqual({ misses: 5, lockedUntil: 32_000 });
    expect(remainingLockMs(record, 2_000)).toBe(30_000);
    expect(remainingLockMs(record, 40_000)).toBe(0);
    expect(remainingLockMs(undefined, 0)).toBe(0);
  });
});

describe('wrong PINs on the tablet', () => {
  it('after five misses even the right PIN waits, across a reload, until an admin unlocks', async () => {
    const { db, staff, centre } = await localDevice('lockout');
    const now = new Date().toISOString();
    const { staff: admin } = await keyedStaff(
      { centreId: centre.id, name: '王芳', role: 'admin', active: true, createdAt: now, updatedAt: now, createdBy: 'seed' },
      '111111',
    );
    await db.staff.put(admin);

    for (let i = 0; i < FREE_MISSES - 1; i++) await expect(login(staff.id, '0000', db)).rejects.toMatchObject({ code: 'wrong_pin' });
    await expect(login(staff.id, '0000', db)).rejects.toMatchObject({ code: 'wrong_pin' });
    const locked = login(staff.id, TEST_PIN, db);
    await expect(locked).rejects.toMatchObject({ code: 'locked_out' });
    const seconds = await locked.catch((e: { retryAfterSeconds?: number }) => e.retryAfterSeconds);
    expect(seconds).toBeGreaterThan(25);
    expect(seconds).toBeLessThanOrEqual(30);

    // A reload opens the same database: the count is still there.
    const reopened = new CunzhanDb(db.name);
    expect((await getMeta(reopened, 'pinMisses'))?.[staff.id]?.misses).toBe(FREE_MISSES);
    await expect(login(staff.id, TEST_PIN, reopened)).rejects.toMatchObject({ code: 'locked_out' });

    // A clerk cannot unlock; a wrong admin PIN does not either.
    await expect(unlockByAdmin(admin.id, '000000', staff.id, reopened)).rejects.toMatchObject({ code: 'wrong_pin' });
    await unlockByAdmin(admin.id, '111111', staff.id, reopened);
    const session = await login(staff.id, TEST_PIN, reopened);
    expect(session.staff.id).toBe(staff.id);
    expect((await getMeta(reopened, 'pinMisses'))?.[staff.id]).toBeUndefined();
    logout();
  });

  it('only an admin may unlock someone', async () => {
    const { db, staff, centre } = await localDevice('lockout-clerk');
    const now = new Date().toISOString();
    const { staff: other } = await keyedStaff(
      { centreId: centre.id, name: '阿依古丽', role: 'clerk', active: true, createdAt: now, updatedAt: now, createdBy: 'seed' },
      '3333',
    );
    await db.staff.put(other);
    await expect(unlockByAdmin(other.id, '3333', staff.id, db)).rejects.toMatchObject({ code: 'not_admin' });
  });
});
