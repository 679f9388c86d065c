import { fromBase64Url, toBase64Url, type WebCryptoKey } from './base64';
import { canonicalJson } from './canonical-json';

/**
 * The proof a mutation carries: HMAC-SHA256 under the signing key of the
 * staff member who made it, over the text `proofText` returns. PROOF.md
 * beside this file says what it covers and why.
 */
export const PROOF_VERSION = 'cunzhan-proof-1';

/** What a proof covers: everything the server acts on, and the device it came from. */
export interface ProvenMutation {
  id: string;
  kind: string;
  args: unknown;
  staffId: string;
  createdAt: string;
  keyId: string;
}

export function proofText(m: ProvenMutation, deviceId: string): string {
  return canonicalJson([PROOF_VERSION, m.id, m.kind, m.staffId, deviceId, m.createdAt, m.keyId, m.args]);
}

export function proofBytes(m: ProvenMutation, deviceId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(proofText(m, deviceId));
}

/**
 * A proof is the HMAC-SHA256 cut to its first 16 bytes (128 bits, as RFC 2104
 * allows and as AES-GCM tags are): each mutation carries it, and random bytes
 * do not compress, so the full 32 would cost a 2G link a second per 1,000 sales.
 */
export const PROOF_BYTES = 16;
/** base64url of PROOF_BYTES bytes, without padding. */
export const PROOF_PATTERN = /^[A-Za-z0-9_-]{22}$/;

async function macOf(proofKey: WebCryptoKey, m: ProvenMutation, deviceId: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', proofKey, proofBytes(m, deviceId))).subarray(0, PROOF_BYTES);
}

/** The tablet's side: base64url of the cut HMAC (22 characters). */
export async function signMutation(proofKey: WebCryptoKey, m: ProvenMutation, deviceId: string): Promise<string> {
  return toBase64Url(await macOf(proofKey, m, deviceId));
}

/** WebCrypto's check, comparing every byte; the server uses node:crypto over the same bytes. */
export async function verifyMutationProof(proofKey: WebCryptoKey, m: ProvenMutation, deviceId: string, proof: string): Promise<boolean> {
  if (!PROOF_PATTERN.test(proof)) return false;
  const given = fromBase64Url(proof);
  const expected = await macOf(proofKey, m, deviceId);
  let diff = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (given[i] ?? 0) ^ expected[i]!;
  return diff === 0;
}
