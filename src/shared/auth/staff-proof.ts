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

/** The tablet's side: base64url of the HMAC (43 characters). */
export async function signMutation(proofKey: WebCryptoKey, m: ProvenMutation, deviceId: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', proofKey, proofBytes(m, deviceId))));
}

/** WebCrypto's check, in constant time; the server uses node:crypto over the same bytes. */
export async function verifyMutationProof(proofKey: WebCryptoKey, m: ProvenMutation, deviceId: string, proof: string): Promise<boolean> {
  let mac: Uint8Array<ArrayBuffer>;
  try {
    mac = fromBase64Url(proof);
  } catch {
    return false;
  }
  return crypto.subtle.verify('HMAC', proofKey, mac, proofBytes(m, deviceId));
}

export const PROOF_PATTERN = /^[A-Za-z0-9_-]{43}$/;
