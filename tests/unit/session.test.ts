import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getSession, login, logout, onSessionChange, takeLogoutReason } from '../../src/client/auth/session';
import { watchSessionStaff } from '../../src/client/auth/watch-session-staff';
import { freshDb, localDevice, TEST_PIN } from './support/local-device';

describe('staff login', () => {
  it('the right PIN opens a session for this device and centre; logout ends it', async () => {
    const { db, staff, centre, ctx } = await localDevice();
    const session = await login(staff.id, TEST_PIN, db);
    expect(session).toMatchObject({ deviceId: ctx.deviceId, centreId: centre.id, staff: { id: staff.id, name: '李强' } });
    expect(getSession()).toEqual(session);
    logout();
    expect(getSession()).toBeNull();
  });

  it('a wrong PIN is refused with wrong_pin and opens nothing', async () => {
    const { db, staff } = await localDevice();
    await expect(login(staff.id, '0000', db)).rejects.toMatchObject({ code: 'wrong_pin' });
    await expect(login('01890000-0000-7000-8000-000000000000', TEST_PIN, db)).rejects.toMatchObject({ code: 'wrong_pin' });
    expect(getSession()).toBeNull();
  });

  it('a staff member who left cannot log in', async () => {
    const { db, staff } = await localDevice();
    await db.staff.put({ ...staff, active: false });
    await expect(login(staff.id, TEST_PIN, db)).rejects.toMatchObject({ code: 'wrong_pin' });
  });

  it('a tablet that is not enrolled asks for enrolment first', async () => {
    await expect(login('01890000-0000-7000-8000-000000000000', TEST_PIN, freshDb())).rejects.toMatchObject({ code: 'not_enrolled' });
  });

  it('a sync that deactivates the signed-in person ends their session, with the reason told once', async () => {
    const { db, staff } = await localDevice();
    const stop = watchSessionStaff(db);
    try {
      await login(staff.id, TEST_PIN, db);
      const ended = new Promise<void>((resolve) => {
        const off = onSessionChange((session) => {
          if (session === null) {
            off();
            resolve();
          }
        });
      });
      await db.staff.put({ ...staff, name: '李强 (renamed)' }); // still active: nothing happens
      await db.staff.put({ ...staff, active: false, updatedAt: new Date().toISOString() });
      await ended;
      expect(getSession()).toBeNull();
      expect(takeLogoutReason()).toBe('deactivated');
      expect(takeLogoutReason()).toBeNull();
    } finally {
      stop();
    }
  });

  it('a plain logout carries no reason', async () => {
    const { db, staff } = await localDevice();
    await login(staff.id, TEST_PIN, db);
    logout();
    expect(takeLogoutReason()).toBeNull();
  });
});
