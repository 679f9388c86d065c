import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/protocol/county';

/** scrypt cost: N = 2^logN. 2^15 with r = 8 takes about 60–120 ms and 32 MiB on a small server. */
export interface PasswordCost {
  logN: number;
  r: number;
  p: number;
}

export const PASSWORD_COST: PasswordCost = { logN: 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, { logN, r, p }: PasswordCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly 2^15·8·128, so leave room.
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r };
  return new Promise((resolve, reject) => {
    // The async form runs in the thread pool: a login does not stall other requests.
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$logN$r$p$salt$key` (base64): the parameters travel with the hash, so the cost can rise later. */
export async function hashPassword(password: string, cost: PasswordCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(stored: string): { cost: PasswordCost; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every(Number.isInteger) || logN < 1 || logN > 20 || r < 1 || r > 32 || p < 1 || p > 16) return undefined;
  return { cost: { logN, r, p }, salt: Buffer.from(parts[4]!, 'base64'), key: Buffer.from(parts[5]!, 'base64') };
}

/**
 * The hash, at PASSWORD_COST, of a random password nobody kept: checked when
 * a username is unknown, so the answer takes as long as for a known one.
 */
const DECOY = 'scrypt$15$8$1$mh4bMRQ+sYI7kQQrn5drBg==$7s0uD7NS2ocd6POI8JjaSK24UHlROJizBD3zF96CazI=';

/**
 * True when `password` matches `stored`. An unknown user (`stored`
 * undefined) costs the same scrypt as a known one and is false.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parsed = parse(stored ?? DECOY);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.cost);
  return stored !== undefined && actual.length === parsed.key.length && timingSafeEqual(actual, parsed.key);
}

/** Why a new password is refused, or undefined when it will do. */
export function weakPasswordReason(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `the password must have at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `the password may have at most ${PASSWORD_MAX_LENGTH} characters`;
  if (new Set(password).size < 4) return 'the password repeats too few different characters';
  return undefined;
}
