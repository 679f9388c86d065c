import { deterministicId } from './deterministic-id';

/** How many codes derived from the parcel id follow the tablet's proposal. */
export const DERIVED_PICKUP_CODES = 8;

export const PICKUP_CODE_PATTERN = /^\d{6}$/;

/** A 6-digit code from the first 32 bits of a deterministic id. */
function codeOf(seed: string): string {
  const n = Number.parseInt(deterministicId('pickup-candidate', seed).slice(0, 8), 16);
  return String(n % 1_000_000).padStart(6, '0');
}

/**
 * The codes a new parcel may claim, in order: the code the tablet proposed,
 * then DERIVED_PICKUP_CODES codes derived from the parcel id, all distinct.
 * The decide claims the first one free, so the tablet and the server pick
 * the same code when they know the same claims; a tablet that knew fewer
 * sees the server's choice after its next pull.
 */
export function pickupCandidates(parcelId: string, proposed: string): string[] {
  const codes = [proposed];
  for (let i = 0; codes.length <= DERIVED_PICKUP_CODES; i++) {
    const code = codeOf(`${parcelId}/${i}`);
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}
