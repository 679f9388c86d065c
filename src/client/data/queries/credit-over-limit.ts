import { useLiveQuery } from 'dexie-react-hooks';
import { CENTRE_SETTINGS_ID, settingsOf } from '../../../shared/domain/centre-settings';
import type { Fen } from '../../../shared/domain/money';
import { resolveCustomer } from '../../../shared/domain/resolve-customer';
import type { Customer } from '../../../shared/domain/villagers';
import { db, type CunzhanDb } from '../db';
import { getMeta } from '../meta';

// What this tablet knowingly let each villager owe past the limit (an admin
// allowed it, or sold): kept on the tablet, not synced, so only a balance
// higher than that, brought by another tablet's sales, raises the alert.
const APPROVED_KEY = 'cunzhan.creditApprovedFen';

function approvedBalances(): Record<string, Fen> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(APPROVED_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, Fen>) : {};
  } catch {
    return {};
  }
}

/** Remembers that this tablet let `customerId` owe `balanceFen`, past the limit, on purpose. */
export function rememberApprovedBalance(customerId: string, balanceFen: Fen): void {
  try {
    const all = approvedBalances();
    all[customerId] = Math.max(all[customerId] ?? 0, balanceFen);
    localStorage.setItem(APPROVED_KEY, JSON.stringify(all));
  } catch {
    // Without storage the alert may show for a sale an admin allowed here: it says nothing wrong.
  }
}

export interface OverLimitVillager {
  customerId: string;
  name: string;
  balanceFen: Fen;
}

/**
 * Villagers whose balance is past the centre's limit (and past what this
 * tablet let them owe on purpose) with credit sales from more than one
 * tablet: each tablet checked the limit as it knew it, asking an admin when a
 * sale would pass it, but two tablets selling on credit offline each saw only
 * their own sale, and sync brought both together. Both sales stand; staff
 * see who to talk to.
 */
export async function villagersOverLimitAfterSync(database: CunzhanDb): Promise<{ limitFen: Fen; villagers: OverLimitVillager[] }> {
  const { creditLimitFen } = settingsOf(await database.settings.get(CENTRE_SETTINGS_ID));
  const device = await getMeta(database, 'device');
  const entries = await database.creditEntries.toArray();
  if (entries.length === 0) return { limitFen: creditLimitFen, villagers: [] };
  const customers = new Map<string, Customer>((await database.customers.toArray()).map((c) => [c.id, c]));
  const byVillager = new Map<string, { balanceFen: Fen; devices: Set<string> }>();
  for (const entry of entries) {
    const id = resolveCustomer(entry.customerId, (x) => customers.get(x))?.id ?? entry.customerId;
    const sum = byVillager.get(id) ?? { balanceFen: 0, devices: new Set<string>() };
    sum.balanceFen += entry.deltaFen;
    if (entry.source === 'sale') sum.devices.add(entry.deviceId);
    byVillager.set(id, sum);
  }
  const approved = approvedBalances();
  const villagers: OverLimitVillager[] = [];
  for (const [customerId, sum] of byVillager) {
    const customer = customers.get(customerId);
    if (!customer || customer.deleted || sum.balanceFen <= Math.max(creditLimitFen, approved[customerId] ?? 0)) continue;
    // One tablet alone asked for an admin before passing the limit; only another's sale brings a surprise.
    const fromElsewhere = [...sum.devices].some((d) => d !== device?.deviceId);
    if (sum.devices.size > 1 && fromElsewhere) villagers.push({ customerId, name: customer.name, balanceFen: sum.balanceFen });
  }
  villagers.sort((a, b) => b.balanceFen - a.balanceFen || a.name.localeCompare(b.name));
  return { limitFen: creditLimitFen, villagers };
}

/** Live on this tablet: updates as sync brings entries in. */
export function useVillagersOverLimitAfterSync() {
  return useLiveQuery(() => villagersOverLimitAfterSync(db), []);
}
