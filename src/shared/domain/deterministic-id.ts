/**
 * Ids made from content, so two tablets that log the same thing offline make
 * the same id (a parcel's tracking number, a pickup code). Pure and
 * synchronous, so a decide function can check them: SHA-256 of
 * `${namespace}\u0000${text}`, its first 128 bits formatted as a UUID of
 * version 8 ("custom") with the RFC 4122 variant.
 */

import { sha256 } from './sha256';

export { sha256 };

const encoder = new TextEncoder();

/** A UUID-formatted id (version 8) from `namespace` and `text`: the same input always gives the same id. */
export function deterministicId(namespace: string, text: string): string {
  const bytes = sha256(encoder.encode(`${namespace}\u0000${text}`)).slice(0, 16);
  bytes[6] = 0x80 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A tracking number as stored and compared: upper case, no spaces. */
export function normaliseTrackingNo(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

export const TRACKING_NO_PATTERN = /^[A-Z0-9-]{6,40}$/;

/** The parcel id of a tracking number: two tablets logging one parcel make one id. */
export function parcelIdFor(trackingNo: string): string {
  return deterministicId('parcel', normaliseTrackingNo(trackingNo));
}

/** The id of a pickup code's claim row (pickupCodes). */
export function pickupCodeId(code: string): string {
  return deterministicId('pickup', code);
}
