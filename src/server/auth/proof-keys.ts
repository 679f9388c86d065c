import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { fromBase64 } from '../../shared/auth/base64';
import { proofKeyBytes } from '../../shared/auth/staff-key';
import { PROOF_BYTES, PROOF_PATTERN, proofText, type ProvenMutation } from '../../shared/auth/staff-proof';

/** A staff secret with its signing key derived, ready to check proofs with node:crypto. */
export interface ProofKey {
  staffId: string;
  keyId: string;
  secret: Uint8Array<ArrayBuffer>;
  hmac: KeyObject;
}

export async function proofKeyOf(staffId: string, keyId: string, secret: Uint8Array<ArrayBuffer>): Promise<ProofKey> {
  return { staffId, keyId, secret, hmac: createSecretKey(await proofKeyBytes(secret)) };
}

export function proofKeyFromStored(staffId: string, keyId: string, secretBase64: string): Promise<ProofKey> {
  return proofKeyOf(staffId, keyId, fromBase64(secretBase64));
}

/**
 * Checks a proof (auth/PROOF.md) in constant time. The HMAC runs over the
 * UTF-8 of the proof text, as the tablet's WebCrypto signs it.
 */
export function proofVerifies(key: ProofKey, m: ProvenMutation, deviceId: string, proof: string | undefined): boolean {
  if (proof === undefined || !PROOF_PATTERN.test(proof)) return false;
  let text: string;
  try {
    text = proofText(m, deviceId);
  } catch {
    return false;
  }
  const expected = createHmac('sha256', key.hmac).update(text, 'utf8').digest().subarray(0, PROOF_BYTES);
  const given = Buffer.from(proof, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Keys kept per process: a staff member's key never changes once stored, only new ones are added. */
const MAX_CACHED = 20_000;

/**
 * Derived signing keys by centre, staff member and key id, so that a push
 * derives each key once per process and then only runs the HMAC. One cache
 * per store: a test's stores never share keys.
 */
export class ProofKeyCache {
  private readonly keys = new Map<string, ProofKey>();

  static key(centreId: string, staffId: string, keyId: string): string {
    return `${centreId}/${staffId}/${keyId}`;
  }

  get(centreId: string, staffId: string, keyId: string): ProofKey | undefined {
    return this.keys.get(ProofKeyCache.key(centreId, staffId, keyId));
  }

  set(centreId: string, key: ProofKey): void {
    if (this.keys.size >= MAX_CACHED) {
      // The oldest entry goes: Maps iterate in insertion order.
      const oldest = this.keys.keys().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    this.keys.set(ProofKeyCache.key(centreId, key.staffId, key.keyId), key);
  }
}

const caches = new WeakMap<object, ProofKeyCache>();

export function proofKeyCacheOf(store: object): ProofKeyCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new ProofKeyCache()));
  return cache;
}
