import { useLiveQuery } from 'dexie-react-hooks';
import { CENTRE_SETTINGS_ID, settingsOf } from '../../../shared/domain/centre-settings';
import { creditBalance } from '../../../shared/domain/credit-balance';
import type { CreditEntry } from '../../../shared/domain/counter';
import type { Fen } from '../../../shared/domain/money';
import { MERGE_CHAIN_MAX } from '../../../shared/domain/resolve-customer';
import { db, type CunzhanDb } from '../db';

export interface CreditLedger {
  /** What the villager owes now (negative: credit in their favour). */
  balanceFen: Fen;
  limitFen: Fen;
  /** Newest first. */
  entries: CreditEntry[];
}

/** The villager's id and the ids of every record merged into them: their ledger is all of these. */
export async function ledgerIds(database: CunzhanDb, customerId: string): Promise<string[]> {
  const ids = [customerId];
  let frontier = [customerId];
  for (let step = 0; frontier.length > 0 && step < MERGE_CHAIN_MAX; step++) {
    frontier = (await database.customers.where('mergedInto').anyOf(frontier).primaryKeys()).filter((id) => !ids.includes(id));
    ids.push(...frontier);
  }
  return ids;
}

export async function creditLedger(database: CunzhanDb, customerId: string): Promise<CreditLedger> {
  const ids = await ledgerIds(database, customerId);
  const entries = await database.creditEntries.where('customerId').anyOf(ids).toArray();
  entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const { creditLimitFen } = settingsOf(await database.settings.get(CENTRE_SETTINGS_ID));
  return { balanceFen: creditBalance(entries), limitFen: creditLimitFen, entries };
}

/** A villager's credit ledger on this tablet, live. */
export function useCreditLedger(customerId: string): CreditLedger | undefined {
  return useLiveQuery(() => creditLedger(db, customerId), [customerId]);
}
