import { toBase64Url } from '../../shared/auth/base64';
import { newStaffSecret, staffKeysOf, wrapStaffSecret, type StaffKeys } from '../../shared/auth/staff-key';
import { signMutation } from '../../shared/auth/staff-proof';
import type { Staff } from '../../shared/domain/entities';
import { uuidv7 } from '../../shared/domain/ids';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { rowKey, type OutboxEntry } from '../data/db';
import type { Adoption } from './sign-queue';

export const ADOPT_KEY_KIND = 'staff.adoptKey';

/**
 * A person whose row predates keys has just typed the right PIN (checked
 * against the old hash): they get a secret of their own, wrapped under the
 * same PIN, and the server learns it from a `staff.adoptKey` signed with it.
 * The row keeps no PIN hash from now on: unwrapping is the PIN check.
 */
export async function adoptKey(legacy: Staff, pin: string, deviceId: string): Promise<{ keys: StaffKeys; adoption: Adoption }> {
  const secret = newStaffSecret();
  const keyId = uuidv7();
  const key = await wrapStaffSecret(secret, pin, legacy.id, keyId);
  const keys = await staffKeysOf(secret, keyId);
  const createdAt = new Date().toISOString();
  const { pinSalt: _salt, pinHash: _hash, pinIterations: _iterations, ...rest } = legacy;
  const row: Staff = { ...rest, ...key, updatedAt: createdAt };
  const args = { key, secret: toBase64Url(secret) };
  const id = uuidv7();
  const proof = await signMutation(keys.proofKey, { id, kind: ADOPT_KEY_KIND, args, staffId: legacy.id, createdAt, keyId }, deviceId);
  const entry: OutboxEntry = {
    id,
    kind: ADOPT_KEY_KIND,
    args,
    staffId: legacy.id,
    deviceId,
    centreId: legacy.centreId,
    createdAt,
    protocolVersion: PROTOCOL_VERSION,
    keyId,
    proof,
    touched: [rowKey('staff', legacy.id)],
    // A refusal puts the old row back: the next sign-in adopts again.
    before: [{ key: rowKey('staff', legacy.id), row: legacy }],
  };
  return { keys, adoption: { entry, row } };
}
