import { useLiveQuery } from 'dexie-react-hooks';
import type { CreditEntry } from '../../../shared/domain/counter';
import type { Fen } from '../../../shared/domain/money';
import { db as defaultDb, type CunzhanDb } from '../../data/db';
import { creditLedger } from '../../data/queries/credit';
import { resolveCustomerRow } from '../../data/queries/villagers';

/** One line of a villager's statement: a ledger entry, its receipt number, and what they owed after it. */
export interface StatementRow {
  entry: CreditEntry;
  receiptNo: string;
  balanceFen: Fen;
}

export interface Statement {
  villagerId: string;
  villagerName: string;
  balanceFen: Fen;
  limitFen: Fen;
  /** Oldest first, so the balance runs down the page. */
  rows: StatementRow[];
}

async function receiptNoOf(database: CunzhanDb, entry: CreditEntry): Promise<string> {
  const row =
    entry.source === 'sale'
      ? await database.sales.get(entry.refId)
      : entry.source === 'repayment'
        ? await database.repayments.get(entry.refId)
        : await database.refunds.get(entry.refId);
  return row?.receiptNo ?? '';
}

/** A villager's credit statement (with every record merged into them); null when unknown here. */
export async function loadStatement(database: CunzhanDb, customerId: string): Promise<Statement | null> {
  const villager = await resolveCustomerRow(database, customerId);
  if (!villager) return null;
  const ledger = await creditLedger(database, villager.id);
  const oldestFirst = [...ledger.entries].reverse();
  const receiptNos = await Promise.all(oldestFirst.map((entry) => receiptNoOf(database, entry)));
  let running = 0;
  const rows = oldestFirst.map((entry, i) => {
    running += entry.deltaFen;
    return { entry, receiptNo: receiptNos[i]!, balanceFen: running };
  });
  return { villagerId: villager.id, villagerName: villager.name, balanceFen: ledger.balanceFen, limitFen: ledger.limitFen, rows };
}

/** undefined while loading, null when the villager is not on this tablet. */
export function useStatement(customerId: string): Statement | null | undefined {
  return useLiveQuery(() => loadStatement(defaultDb, customerId), [customerId]);
}
