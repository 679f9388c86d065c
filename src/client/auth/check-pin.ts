import { staffKeysOf, unwrapStaffSecret, type StaffKeyMaterial, type StaffKeys } from '../../shared/auth/staff-key';
import type { Staff } from '../../shared/domain/entities';
import { verifyPin, type PinHash } from '../../shared/domain/pin';
import { db as defaultDb, type CunzhanDb, type StoredDevice } from '../data/db';
import { AppError, AppErrorCode } from '../data/errors';
import { getMeta } from '../data/meta';
import { adoptKey } from './adopt-key';
import { assertMayTryPin, clearPinMisses, recordPinMiss } from './pin-attempts';
import { signQueuedBy } from './sign-queue';

export function keyMaterialOf(staff: Staff): StaffKeyMaterial | null {
  const { keyId, keySalt, keyIterations, wrappedKey } = staff;
  return keyId && keySalt && keyIterations && wrappedKey ? { keyId, keySalt, keyIterations, wrappedKey } : null;
}

function legacyHashOf(staff: Staff): PinHash | null {
  const { pinSalt, pinHash, pinIterations } = staff;
  return pinSalt && pinHash && pinIterations ? { pinSalt, pinHash, pinIterations } : null;
}

/** Who a right PIN proved, with their keys (the staff row is the one now stored). */
export interface PinChecked {
  staff: Staff;
  keys: StaffKeys;
  device: StoredDevice;
}

async function keysBehind(database: CunzhanDb, staff: Staff, pin: string, deviceId: string): Promise<PinChecked['keys'] | null> {
  const material = keyMaterialOf(staff);
  if (material) {
    const secret = await unwrapStaffSecret(material, pin, staff.id);
    return secret ? staffKeysOf(secret, material.keyId) : null;
  }
  const legacy = legacyHashOf(staff);
  if (!legacy || !(await verifyPin(pin, legacy))) return null;
  const { keys, adoption } = await adoptKey(staff, pin, deviceId);
  await signQueuedBy(database, staff.id, keys, deviceId, adoption);
  return keys;
}

/**
 * The one PIN check of this tablet (sign-in, asking again, an admin's
 * unlock or export): unwraps the person's secret, offline. Wrong PINs count
 * towards a lockout kept across reloads; a right one clears it and signs
 * what the person queued before proofs existed.
 */
export async function checkPin(staffId: string, pin: string, database: CunzhanDb = defaultDb): Promise<PinChecked> {
  const device = await getMeta(database, 'device');
  if (!device) throw new AppError(AppErrorCode.notEnrolled);
  const staff = await database.staff.get(staffId);
  if (!staff || !staff.active || staff.centreId !== device.centre.id) throw new AppError(AppErrorCode.wrongPin);
  await assertMayTryPin(database, staffId);
  const keys = await keysBehind(database, staff, pin, device.deviceId);
  if (!keys) {
    await recordPinMiss(database, staffId);
    throw new AppError(AppErrorCode.wrongPin);
  }
  await clearPinMisses(database, staffId);
  await signQueuedBy(database, staffId, keys, device.deviceId);
  return { staff: (await database.staff.get(staffId)) ?? staff, keys, device };
}

/** An admin of this centre unlocks a person who typed too many wrong PINs. */
export async function unlockByAdmin(adminId: string, adminPin: string, staffId: string, database: CunzhanDb = defaultDb): Promise<void> {
  const { staff } = await checkPin(adminId, adminPin, database);
  if (staff.role !== 'admin') throw new AppError(AppErrorCode.notAdmin);
  await clearPinMisses(database, staffId);
}
