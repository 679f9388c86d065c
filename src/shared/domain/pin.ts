/**
 * Staff PINs: PBKDF2-SHA256 through WebCrypto, which both the tablet and
 * Node provide. The server makes the hash (seed, admin); the tablet checks it
 * offline. A 4–8 digit PIN is weak on its own, so the hash is only ever
 * synced to tablets of the staff member's own centre; lockout comes with roles.
 */
export const PIN_ITERATIONS = 100_000;
export const PIN_PATTERN = /^\d{4,8}$/;

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

export interface PinHash {
  pinSalt: string;
  pinHash: string;
  pinIterations: number;
}

export async function hashPin(pin: string, iterations: number = PIN_ITERATIONS): Promise<PinHash> {
  const salt = new Uint8Array(16);
  crypto.getRandomValues(salt);
  return { pinSalt: toBase64(salt), pinHash: toBase64(await derive(pin, salt, iterations)), pinIterations: iterations };
}

/** Compares in constant time so the check does not leak how much matched. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const actual = await derive(pin, fromBase64(stored.pinSalt), stored.pinIterations);
  const expected = fromBase64(stored.pinHash);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= actual[i]! ^ expected[i]!;
  return diff === 0;
}
