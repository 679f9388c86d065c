import { fromBase64, randomBytes, toBase64, type WebCryptoKey } from './base64';

/**
 * A staff member's secret: 32 random bytes, made when the staff member (or a
 * new PIN) is made, kept by the server, and held on tablets only wrapped
 * under a key derived from the PIN. Unwrapping is the PIN check: no PIN hash
 * exists on a tablet. Two keys are derived from the secret (HKDF), one to
 * sign mutations and one to seal a new staff member's secret for the server.
 * See PROOF.md beside this file.
 */

/**
 * Never fewer. The count is tuned so that one derivation takes about half a
 * second on a CPU 4× slower than the bench machine's (bench: pinUnlockMs,
 * about 0.12 s there; WebCrypto runs natively, so Chromium's CPU throttle
 * does not slow it and the bench scales the time it measures).
 */
export const STAFF_KEY_MIN_ITERATIONS = 200_000;
export const STAFF_KEY_ITERATIONS = 500_000;
export const STAFF_SECRET_BYTES = 32;

/** What a staff row carries so that a tablet can check a PIN and sign. */
export interface StaffKeyMaterial {
  /** Names this secret: a new PIN makes a new secret with a new id. */
  keyId: string;
  keySalt: string;
  keyIterations: number;
  /** base64 of the AES-GCM nonce (12 bytes) then the wrapped secret (48 bytes). */
  wrappedKey: string;
}

/** The keys a tablet holds while a staff member is signed in; neither can be exported. */
export interface StaffKeys {
  keyId: string;
  proofKey: WebCryptoKey;
  sealKey: WebCryptoKey;
}

const NONCE_BYTES = 12;
const encoder = new TextEncoder();

export function newStaffSecret(): Uint8Array<ArrayBuffer> {
  return randomBytes(STAFF_SECRET_BYTES);
}

async function pinKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<WebCryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The wrapped secret is bound to its staff member and key id: it cannot be moved to another row. */
function wrapContext(staffId: string, keyId: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`cunzhan-staff-key-1|${staffId}|${keyId}`);
}

function sealContext(staffId: string, keyId: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`cunzhan-sealed-key-1|${staffId}|${keyId}`);
}

async function encrypt(key: WebCryptoKey, plain: Uint8Array<ArrayBuffer>, context: Uint8Array<ArrayBuffer>): Promise<string> {
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: context }, key, plain));
  const out = new Uint8Array(NONCE_BYTES + sealed.length);
  out.set(nonce);
  out.set(sealed, NONCE_BYTES);
  return toBase64(out);
}

/** Null when the key, or the context, is not the one it was sealed with (a wrong PIN). */
async function decrypt(key: WebCryptoKey, text: string, context: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer> | null> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64(text);
  } catch {
    return null;
  }
  if (bytes.length <= NONCE_BYTES) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, NONCE_BYTES), additionalData: context },
      key,
      bytes.slice(NONCE_BYTES),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

/** Wraps a secret under a PIN for a staff row (server: seed and county admin; tablet: an admin adding staff). */
export async function wrapStaffSecret(
  secret: Uint8Array<ArrayBuffer>,
  pin: string,
  staffId: string,
  keyId: string,
  iterations: number = STAFF_KEY_ITERATIONS,
): Promise<StaffKeyMaterial> {
  const salt = randomBytes(16);
  const wrappedKey = await encrypt(await pinKey(pin, salt, iterations), secret, wrapContext(staffId, keyId));
  return { keyId, keySalt: toBase64(salt), keyIterations: iterations, wrappedKey };
}

/** The secret behind a PIN, or null for a wrong PIN. */
export async function unwrapStaffSecret(material: StaffKeyMaterial, pin: string, staffId: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const key = await pinKey(pin, fromBase64(material.keySalt), material.keyIterations);
  return decrypt(key, material.wrappedKey, wrapContext(staffId, material.keyId));
}

async function hkdf(secret: Uint8Array<ArrayBuffer>, info: string): Promise<ArrayBuffer> {
  const base = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveBits']);
  return crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) }, base, 256);
}

/** The raw signing key: the server keeps it to check proofs with node:crypto. */
export async function proofKeyBytes(secret: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await hkdf(secret, 'cunzhan proof 1'));
}

async function sealKeyOf(secret: Uint8Array<ArrayBuffer>): Promise<WebCryptoKey> {
  return crypto.subtle.importKey('raw', await hkdf(secret, 'cunzhan seal 1'), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** The two keys of a secret, neither extractable: what a signed-in tablet holds. */
export async function staffKeysOf(secret: Uint8Array<ArrayBuffer>, keyId: string): Promise<StaffKeys> {
  const proofKey = await crypto.subtle.importKey('raw', await proofKeyBytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  return { keyId, proofKey, sealKey: await sealKeyOf(secret) };
}

/**
 * A new staff member's secret (or a new PIN's) sealed under the admin's
 * seal key, for the server, which knows the admin's secret. The queue thus
 * never holds a secret in the clear.
 */
export function sealStaffSecret(adminSealKey: WebCryptoKey, secret: Uint8Array<ArrayBuffer>, staffId: string, keyId: string): Promise<string> {
  return encrypt(adminSealKey, secret, sealContext(staffId, keyId));
}

/** The server's side of `sealStaffSecret`; null when it was not sealed by that admin for that staff and key. */
export async function unsealStaffSecret(
  adminSecret: Uint8Array<ArrayBuffer>,
  sealed: string,
  staffId: string,
  keyId: string,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const secret = await decrypt(await sealKeyOf(adminSecret), sealed, sealContext(staffId, keyId));
  return secret && secret.length === STAFF_SECRET_BYTES ? secret : null;
}
