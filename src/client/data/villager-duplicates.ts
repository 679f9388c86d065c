import { normalisePhone } from '../../shared/domain/phone';
import type { Customer } from '../../shared/domain/villagers';
import type { CunzhanDb } from './db';
import { resolveCustomerRow } from './queries/villagers';

/** Why a new villager may be someone already known. */
export type DuplicateReason = 'phone' | 'name_village';

export interface LikelyDuplicate {
  customer: Customer;
  reason: DuplicateReason;
}

/** What the duplicate rule compares of a villager about to be created. */
export interface DuplicateProbe {
  name: string;
  phone: string;
  village: string;
}

function sameText(a: string, b: string): boolean {
  return a.trim().normalize('NFKC').toLocaleLowerCase('en') === b.trim().normalize('NFKC').toLocaleLowerCase('en');
}

/**
 * The duplicate rule: the same phone (normalised; an empty one matches
 * nothing), or the same name in the same village (case and spacing at the
 * ends ignored; two villagers without a village count as the same village).
 */
export function duplicateReason(probe: DuplicateProbe, other: Customer): DuplicateReason | null {
  const phone = normalisePhone(probe.phone);
  if (phone !== '' && normalisePhone(other.phone) === phone) return 'phone';
  if (probe.name.trim() !== '' && sameText(probe.name, other.name) && sameText(probe.village, other.village)) return 'name_village';
  return null;
}

/**
 * Known villagers the probe may be, each as its survivor and once, deleted
 * ones left out. Reads the phone and village indexes, never every villager.
 */
export async function findDuplicates(database: CunzhanDb, probe: DuplicateProbe): Promise<LikelyDuplicate[]> {
  const phone = normalisePhone(probe.phone);
  const village = probe.village.trim();
  const [byPhone, byVillage] = await Promise.all([
    phone === '' ? Promise.resolve([]) : database.customers.where('phone').equals(phone).toArray(),
    village === '' ? database.customers.where('village').equals('').toArray() : database.customers.where('village').equalsIgnoreCase(village).toArray(),
  ]);
  const found = new Map<string, LikelyDuplicate>();
  for (const candidate of [...byPhone, ...byVillage]) {
    const reason = duplicateReason(probe, candidate);
    if (!reason) continue;
    const survivor = candidate.mergedInto ? await resolveCustomerRow(database, candidate.id) : candidate;
    if (!survivor || survivor.deleted || survivor.mergedInto) continue;
    // A phone match says more than a name match: it wins when both find the same person.
    if (!found.has(survivor.id) || reason === 'phone') found.set(survivor.id, { customer: survivor, reason });
  }
  return [...found.values()];
}
