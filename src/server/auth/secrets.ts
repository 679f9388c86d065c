import { createHash, randomBytes, randomInt } from 'node:crypto';
import { normaliseEnrolCode } from '../../shared/domain/enrol-code';

/** Tokens and codes are stored only as this hash: a stolen database enrols nothing. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: the bearer token a tablet keeps. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

// No 0/O, 1/I/L, 5/S or 2/Z: codes are read aloud over the phone and typed on tablets.
const CODE_ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';

/** A one-time enrolment code such as `K7PM-Q3XD` (about 38 bits). */
export function newEnrolCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}


export function hashEnrolCode(typed: string): string {
  return sha256Hex(normaliseEnrolCode(typed));
}
