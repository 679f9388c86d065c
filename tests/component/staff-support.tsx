import { login } from '../../src/client/auth/session';
import type { CommandContext } from '../../src/client/data/commands';
import { db } from '../../src/client/data/db';
import { setMeta } from '../../src/client/data/meta';
import { newStaffSecret, staffKeysOf, wrapStaffSecret } from '../../src/shared/auth/staff-key';
import type { Role, Staff } from '../../src/shared/domain/entities';
import { uuidv7 } from '../../src/shared/domain/ids';

/** A person whose secret the test knows, as the server would. */
export interface KnownStaff {
  row: Staff;
  pin: string;
  secret: Uint8Array<ArrayBuffer>;
}

export interface StaffCentre {
  centreId: string;
  deviceId: string;
  admin: KnownStaff;
  /** The admin's command context, keys included, for seeding rows without the screens. */
  ctx: CommandContext;
  addPerson(name: string, role: Role, pin?: string): Promise<KnownStaff>;
}

export const ADMIN_PIN = '135790';

/**
 * A tablet (device number 2, so its receipts start with `B`) at a centre
 * with one admin, who is not yet signed in. Keys are wrapped with few
 * iterations: the same unwrap as a real PIN check, only faster here.
 */
export async function centreWithAdmin(adminName = 'Wang Fang'): Promise<StaffCentre> {
  const now = new Date().toISOString();
  const centreId = uuidv7();
  const deviceId = uuidv7();
  await setMeta(db, 'device', {
    deviceId,
    deviceNo: 2,
    token: 'test-token',
    centre: { id: centreId, name: { 'zh-CN': '红星村服务站', en: 'Hongxing Village Centre' }, createdAt: now, updatedAt: now },
    name: 'Counter tablet',
    enrolledAt: now,
  });

  async function addPerson(name: string, role: Role, pin = '2468'): Promise<KnownStaff> {
    const id = uuidv7();
    const secret = newStaffSecret();
    const key = await wrapStaffSecret(secret, pin, id, uuidv7(), 1000);
    const row: Staff = { id, centreId, name, role, active: true, ...key, createdAt: now, updatedAt: now, createdBy: 'seed' };
    await db.staff.put(row);
    return { row, pin, secret };
  }

  const admin = await addPerson(adminName, 'admin', ADMIN_PIN);
  const keys = await staffKeysOf(admin.secret, admin.row.keyId!);
  return { centreId, deviceId, admin, ctx: { db, staffId: admin.row.id, deviceId, centreId, keys }, addPerson };
}

export async function signInAdmin(centre: StaffCentre): Promise<void> {
  await login(centre.admin.row.id, centre.admin.pin);
}
