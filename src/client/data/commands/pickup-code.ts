import type { CunzhanDb } from '../db';

const ATTEMPTS = 64;

function randomCode(): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return String(n! % 1_000_000).padStart(6, '0');
}

/**
 * A random 6-digit pickup code that no waiting parcel this tablet knows
 * holds. Another tablet may have claimed it meanwhile: the decide then takes
 * the next free one of the parcel's candidates.
 */
export async function proposePickupCode(database: CunzhanDb): Promise<string> {
  const waiting = await database.parcels.where('[status+arrivedAt]').between(['waiting', ''], ['waiting', '\uffff']).toArray();
  const taken = new Set(waiting.map((p) => p.pickupCode));
  for (let i = 0; i < ATTEMPTS; i++) {
    const code = randomCode();
    if (!taken.has(code)) return code;
  }
  // A million codes and a few hundred parcels: reaching here means a broken random source.
  return randomCode();
}
