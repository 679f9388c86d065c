import { useLiveQuery } from 'dexie-react-hooks';
import { CENTRE_SETTINGS_ID, settingsOf } from '../../../shared/domain/centre-settings';
import { creditBalance } from '../../../shared/domain/credit-balance';
import type { CreditEntry } from '../../../shared/domain/counter';
import type { Fen } from '../../../shared/domain/money';
import type { Customer } from '../../../shared/domain/villagers';
import { db, type CunzhanDb } from '../db';
import { resolveCustomerRows } from './villagers';

export interface OverLimitVillager {
  customerId: string;
  name: string;
  balanceFen: Fen;
}

/**
 * Villagers whose balance is past the centre's limit, and past what an admin
 * let them owe (a sale recording its creditApprovedBy), with credit sales
 * from more than one tablet: each tablet checked the limit as it knew it,
 * asking an admin when a sale would pass it, but two tablets selling on
 * credit offline each saw only their own sale, and sync brought both
 * together. Both sales stand; staff see who to talk to. Every tablet reads
 * the same synced rows, so every tablet shows the same villagers.
 */
export async function villagersOverLimitAfterSync(database: CunzhanDb): Promise<{ limitFen: Fen; villagers: OverLimitVillager[] }> {
  const { creditLimitFen } = settingsOf(await database.settings.get(CENTRE_SETTINGS_ID));
  const entries = await database.creditEntries.toArray();
  if (entries.length === 0) return { limitFen: creditLimitFen, villagers: [] };
  // Only the villagers the ledger names, and those they were merged into: not every villager of a
  // busy centre, read again by this always-shown alert after each credit sale.
  const resolved = await resolveCustomerRows(database, entries.map((e) => e.customerId));
  const byVillager = new Map<string, { customer: Customer | undefined; entries: CreditEntry[]; devices: Set<string> }>();
  for (const entry of entries) {
    const customer = resolved.get(entry.customerId);
    const id = customer?.id ?? entry.customerId;
    const of = byVillager.get(id) ?? { customer, entries: [], devices: new Set<string>() };
    of.entries.push(entry);
    if (entry.source === 'sale') of.devices.add(entry.deviceId);
    byVillager.set(id, of);
  }
  const villagers: OverLimitVillager[] = [];
  for (const [customerId, { customer, ...of }] of byVillager) {
    const balanceFen = creditBalance(of.entries);
    // One tablet alone asked for an admin before passing the limit; only another's sale brings a surprise.
    if (!customer || customer.deleted || balanceFen <= creditLimitFen || of.devices.size < 2) continue;
    const saleIds = of.entries.flatMap((e) => (e.source === 'sale' ? [e.refId] : []));
    const approved = new Set((await database.sales.bulkGet(saleIds)).flatMap((s) => (s?.creditApprovedBy ? [s.id] : [])));
    // The most an admin let them owe: the balance, in time order, just after each sale one allowed.
    let runningFen = 0;
    let allowedFen = creditLimitFen;
    of.entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    for (const entry of of.entries) {
      runningFen += entry.deltaFen;
      if (entry.source === 'sale' && approved.has(entry.refId)) allowedFen = Math.max(allowedFen, runningFen);
    }
    if (balanceFen > allowedFen) villagers.push({ customerId, name: customer.name, balanceFen });
  }
  villagers.sort((a, b) => b.balanceFen - a.balanceFen || a.name.localeCompare(b.name));
  return { limitFen: creditLimitFen, villagers };
}

/** Live on this tablet: updates as sync brings entries in. */
export function useVillagersOverLimitAfterSync() {
  return useLiveQuery(() => villagersOverLimitAfterSync(db), []);
}
