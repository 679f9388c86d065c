import { createHmac } from 'node:crypto';
import { toBase64, toBase64Url } from '../../src/shared/auth/base64';
import { proofKeyBytes, sealStaffSecret, staffKeysOf, unwrapStaffSecret, type StaffKeyMaterial } from '../../src/shared/auth/staff-key';
import { PROOF_BYTES, proofText } from '../../src/shared/auth/staff-proof';
import type { Role, Staff } from '../../src/shared/domain/entities';
import type { MutationEnvelope } from '../../src/shared/protocol/messages';
import { makeStaff, newStaffKey, writeStaff, type NewStaff } from '../../src/server/admin/operations';
import type { Store } from '../../src/server/store/store';

/**
 * Staff members whose secret a test knows, and envelopes signed with it as
 * a tablet would sign them (src/shared/auth/PROOF.md). Signing is
 * synchronous (node:crypto), so builders of test mutations stay plain
 * functions. Used by the unit, server, fault and bench tests alike.
 */
export interface TestSigner {
  staffId: string;
  keyId: string;
  secret: Uint8Array<ArrayBuffer>;
  /** The HKDF signing key: raw bytes for node:crypto. */
  proofKey: Uint8Array<ArrayBuffer>;
}

export type Unsigned = Omit<MutationEnvelope, 'keyId' | 'proof'>;

export async function signerOf(staffId: string, keyId: string, secret: Uint8Array<ArrayBuffer>): Promise<TestSigner> {
  return { staffId, keyId, secret, proofKey: await proofKeyBytes(secret) };
}

/** The signer behind a staff row, unlocked with the PIN, as a tablet's login does. */
export async function signerFromRow(row: Staff, pin: string): Promise<TestSigner> {
  const { keyId, keySalt, keyIterations, wrappedKey } = row;
  if (!keyId || !keySalt || !keyIterations || !wrappedKey) throw new Error(`staff ${row.name} has no key (a legacy row)`);
  const secret = await unwrapStaffSecret({ keyId, keySalt, keyIterations, wrappedKey }, pin, row.id);
  if (!secret) throw new Error(`wrong PIN for ${row.name}`);
  return signerOf(row.id, keyId, secret);
}

/** The proof of `m` under `signer`'s key, for `deviceId`. */
export function proofOf(signer: Pick<TestSigner, 'proofKey'>, m: Unsigned & { keyId: string }, deviceId: string): string {
  return toBase64Url(createHmac('sha256', signer.proofKey).update(proofText(m, deviceId), 'utf8').digest().subarray(0, PROOF_BYTES));
}

/** `m` with `signer`'s key id and proof, for `deviceId`; signed as it stands (staffId included). */
export function sign(signer: TestSigner, m: Unsigned, deviceId: string): MutationEnvelope {
  const keyed = { ...m, keyId: signer.keyId };
  return { ...keyed, proof: proofOf(signer, keyed, deviceId) };
}

/** A staff member written to the store (row and secret), with their signer. */
export async function addSignedStaff(store: Store, input: NewStaff): Promise<{ staff: Staff; signer: TestSigner }> {
  const made = await makeStaff(input);
  await writeStaff(store, input.centreId, [made]);
  return { staff: made.row, signer: await signerOf(made.row.id, made.key.keyId, new Uint8Array(Buffer.from(made.key.secret, 'base64'))) };
}

/** PINs the tests give each role: an admin's is 6 digits. */
export const TEST_PINS: Record<Role, string> = { admin: '135790', clerk: '2222', trainer: '3333' };

/** Key material and a sealed secret for a new staff member (or a new PIN), made as an admin's tablet makes them. */
export async function newKeyFor(
  admin: TestSigner,
  staffId: string,
  pin: string,
): Promise<{ key: StaffKeyMaterial; sealedKey: string; signer: TestSigner }> {
  const made = await newStaffKey(staffId, pin, new Date().toISOString());
  const secret = new Uint8Array(Buffer.from(made.key.secret, 'base64'));
  const adminKeys = await staffKeysOf(admin.secret, admin.keyId);
  const sealedKey = await sealStaffSecret(adminKeys.sealKey, secret, staffId, made.material.keyId);
  return { key: made.material, sealedKey, signer: await signerOf(staffId, made.material.keyId, secret) };
}

/** base64 of a secret, as staff_keys keeps it. */
export const secretText = (signer: TestSigner) => toBase64(signer.secret);

/**
 * Writes a staff row and stores `secret` as their key: for tests that make
 * many staff and never unwrap the row's key (wrapping under a PIN is slow).
 */
export async function writeStaffWithSecret(store: Store, row: Staff & { keyId: string }, secret: Uint8Array<ArrayBuffer>): Promise<TestSigner> {
  await store.inCentreTx(row.centreId, async (tx) => {
    await tx.addStaffKeys([{ staffId: row.id, keyId: row.keyId, secret: toBase64(secret), createdAt: row.createdAt }]);
    await tx.writeRows([{ table: 'staff', row }]);
  });
  return signerOf(row.id, row.keyId, secret);
}
