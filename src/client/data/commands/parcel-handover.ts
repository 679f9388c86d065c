import { normalisePhone } from '../../../shared/domain/phone';
import { RefusalCode } from '../../../shared/domain/refusals';
import { checkPin } from '../../auth/check-pin';
import { db as defaultDb, type CunzhanDb } from '../db';
import { AppError, AppErrorCode, toAppError } from '../errors';
import { getMeta, setMeta } from '../meta';
import { runCommand, type CommandContext } from './run-command';

/** After this many wrong pickup codes for one parcel, an admin's PIN comes before the next try. */
export const PICKUP_MISSES_MAX = 5;

export async function pickupMissesOf(database: CunzhanDb, parcelId: string): Promise<number> {
  return (await getMeta(database, 'pickupMisses'))?.[parcelId] ?? 0;
}

async function setMisses(database: CunzhanDb, parcelId: string, misses: number): Promise<void> {
  await database.transaction('rw', database.meta, async () => {
    const all = { ...((await getMeta(database, 'pickupMisses')) ?? {}) };
    if (misses > 0) all[parcelId] = misses;
    else delete all[parcelId];
    await setMeta(database, 'pickupMisses', all);
  });
}

function isWrongCode(error: AppError): boolean {
  return error.code === AppErrorCode.invalidInput && error.detail === RefusalCode.wrongPickupCode;
}

/**
 * Hands a waiting parcel over against its pickup code. A wrong code counts
 * towards PICKUP_MISSES_MAX for that parcel (kept across reloads); from
 * there the tablet takes no code until an admin typed their PIN
 * (`unlockPickupByAdmin`), and refuses with `pickup_locked`.
 */
export async function handoverByCode(parcelId: string, code: string, context?: CommandContext): Promise<void> {
  const database = context?.db ?? defaultDb;
  if ((await pickupMissesOf(database, parcelId)) >= PICKUP_MISSES_MAX) {
    throw new AppError(AppErrorCode.invalidInput, { detail: PICKUP_LOCKED });
  }
  try {
    await runCommand('parcel.handover', () => ({ parcelId, method: 'code', code: code.normalize('NFKC').trim() }), context);
  } catch (e) {
    const error = toAppError(e);
    if (isWrongCode(error)) await setMisses(database, parcelId, (await pickupMissesOf(database, parcelId)) + 1);
    throw error;
  }
  await setMisses(database, parcelId, 0);
}

/** The detail of an invalid_input when a parcel waits for an admin after too many wrong codes. */
export const PICKUP_LOCKED = 'pickup_locked';

/** Unwraps an admin's key with their PIN, on this tablet; throws wrong_pin or not_admin. */
async function adminContext(database: CunzhanDb, adminId: string, adminPin: string): Promise<CommandContext> {
  const { staff, keys, device } = await checkPin(adminId, adminPin, database);
  if (staff.role !== 'admin') throw new AppError(AppErrorCode.notAdmin);
  return { db: database, staffId: staff.id, deviceId: device.deviceId, centreId: device.centre.id, keys };
}

/** An admin of the centre types their PIN to let codes be tried again for one parcel. */
export async function unlockPickupByAdmin(parcelId: string, adminId: string, adminPin: string, database: CunzhanDb = defaultDb): Promise<void> {
  await adminContext(database, adminId, adminPin);
  await setMisses(database, parcelId, 0);
}

/**
 * A villager without their code: staff check the phone number and an admin
 * types their PIN; the tablet signs this one change with the admin's key
 * (the role table allows 'phone_admin' to admins only).
 */
export async function handoverByPhone(parcelId: string, phone: string, adminId: string, adminPin: string, database: CunzhanDb = defaultDb): Promise<void> {
  const ctx = await adminContext(database, adminId, adminPin);
  await runCommand('parcel.handover', () => ({ parcelId, method: 'phone_admin', code: normalisePhone(phone.normalize('NFKC')) }), ctx);
  await setMisses(database, parcelId, 0);
}
