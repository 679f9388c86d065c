import type { WebCryptoKey } from '../../../shared/auth/base64';
import {
  newStaffSecret,
  sealStaffSecret,
  STAFF_KEY_ITERATIONS,
  wrapStaffSecret,
  type StaffKeyMaterial,
} from '../../../shared/auth/staff-key';
import type { Role } from '../../../shared/domain/entities';
import { uuidv7 } from '../../../shared/domain/ids';
import { isPinAllowed } from '../../../shared/domain/pin-rule';
import { getSession } from '../../auth/session';
import { AppError, AppErrorCode } from '../errors';
import type { CommandContext } from './run-command';

/** The signing admin's sealing key: the server opens what it seals with the admin's secret. */
export interface AdminKeys {
  sealKey: WebCryptoKey;
}

/** A new secret for a person: wrapped under their PIN for tablets, sealed for the server. */
export interface NewStaffKey {
  key: StaffKeyMaterial;
  sealedKey: string;
}

/** Detail of the error a PIN that breaks its role's rule throws; the form explains the rule before that. */
export const PIN_RULE_DETAIL = 'pin_rule';

/** The PIN is wrapped into the key, so no schema sees it: the command checks it itself. */
export function checkNewPin(role: Role, pin: string): void {
  if (!isPinAllowed(role, pin)) throw new AppError(AppErrorCode.invalidInput, { detail: PIN_RULE_DETAIL, field: 'pin' });
}

/** The keys of the command's author: its context's, else the signed-in person's. */
export function authorKeys(context?: CommandContext): AdminKeys {
  const keys = context ? context.keys : getSession()?.keys;
  if (!keys) throw new AppError(AppErrorCode.notLoggedIn);
  return keys;
}

/**
 * Makes the secret on this tablet, so adding a person or a PIN works
 * offline. It runs before the command's transaction: IndexedDB would commit
 * a transaction left waiting on WebCrypto. The secret itself is never stored
 * or queued in the clear.
 */
export async function newStaffKey(staffId: string, pin: string, admin: AdminKeys): Promise<NewStaffKey> {
  const secret = newStaffSecret();
  const keyId = uuidv7();
  const key = await wrapStaffSecret(secret, pin, staffId, keyId, STAFF_KEY_ITERATIONS);
  const sealedKey = await sealStaffSecret(admin.sealKey, secret, staffId, keyId);
  return { key, sealedKey };
}
