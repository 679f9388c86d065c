import * as v from 'valibot';
import { STAFF_KEY_MIN_ITERATIONS, type StaffKeyMaterial } from '../../auth/staff-key';
import type { Role, Staff } from '../../domain/entities';
import { uuid } from '../fields';
import type { MutationContext, ReadState } from '../types';

/** Field schemas of the staff kinds. */

const base64 = (max: number) => v.pipe(v.string(), v.maxLength(max), v.regex(/^[A-Za-z0-9+/]+={0,2}$/));

/** Never more: a tablet must unwrap the key in about a second (a tablet asked for more would hang at login). */
export const STAFF_KEY_MAX_ITERATIONS = 10_000_000;

export const role = v.picklist(['admin', 'clerk', 'trainer'] satisfies Role[]);

/** A secret wrapped under a PIN (auth/staff-key.ts): 16-byte salt; 12-byte nonce + 48-byte ciphertext. */
export const keyMaterial = v.strictObject({
  keyId: uuid,
  keySalt: base64(64),
  keyIterations: v.pipe(v.number(), v.integer(), v.minValue(STAFF_KEY_MIN_ITERATIONS), v.maxValue(STAFF_KEY_MAX_ITERATIONS)),
  wrappedKey: base64(200),
});

/** The new secret sealed under the signing admin's seal key, for the server only. */
export const sealedKey = base64(200);

/** A secret in the clear (staff.adoptKey only): 32 bytes, base64url. */
export const clearSecret = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/));

/** A staff member of this centre, or nobody. */
export function staffOfCentre(state: ReadState, staffId: string, ctx: MutationContext): Staff | undefined {
  const staff = state.get('staff', staffId);
  return staff?.centreId === ctx.centreId ? staff : undefined;
}

/** The row with a new key and without the legacy PIN hash, which the key replaces. */
export function withKey(staff: Staff, key: StaffKeyMaterial, now: string): Staff {
  const { pinSalt: _salt, pinHash: _hash, pinIterations: _iterations, ...rest } = staff;
  return { ...rest, keyId: key.keyId, keySalt: key.keySalt, keyIterations: key.keyIterations, wrappedKey: key.wrappedKey, updatedAt: now };
}

/**
 * True when, after `staffId` stops being an active admin, no active admin
 * would be left. Undefined when the reader cannot list the centre's staff:
 * the server, which always can, decides then.
 */
export function wouldLeaveNoAdmin(state: ReadState, staffId: string, ctx: MutationContext): boolean | undefined {
  const all = state.all?.('staff');
  if (!all) return undefined;
  return !all.some((s) => s.centreId === ctx.centreId && s.id !== staffId && s.active && s.role === 'admin');
}
