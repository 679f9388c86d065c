import { useLiveQuery } from 'dexie-react-hooks';
import { businessDayBounds } from '../../../shared/domain/counter';
import type { Fen } from '../../../shared/domain/money';
import { db as defaultDb, type CunzhanDb } from '../../data/db';
import type { ReceiptKind } from './receipt-doc';

/** One receipt a person issued on a business day, to reprint from the cash-up. */
export interface TillReceipt {
  kind: Extract<ReceiptKind, 'sale' | 'refund' | 'repayment'>;
  id: string;
  receiptNo: string;
  at: string;
  fen: Fen;
}

/** The sales, refunds and repayments `staffId` made on `day`, newest first. */
export async function tillReceipts(database: CunzhanDb, staffId: string, day: string): Promise<TillReceipt[]> {
  const { from, to } = businessDayBounds(day);
  const mine = <T extends { createdBy: string }>(row: T) => row.createdBy === staffId;
  const [sales, refunds, repayments] = await Promise.all([
    database.sales.where('createdAt').between(from, to, true, false).filter(mine).toArray(),
    database.refunds.where('createdAt').between(from, to, true, false).filter(mine).toArray(),
    database.repayments.where('createdAt').between(from, to, true, false).filter(mine).toArray(),
  ]);
  const all: TillReceipt[] = [
    ...sales.map((s) => ({ kind: 'sale' as const, id: s.id, receiptNo: s.receiptNo, at: s.createdAt, fen: s.totalFen })),
    ...refunds.map((r) => ({ kind: 'refund' as const, id: r.id, receiptNo: r.receiptNo, at: r.createdAt, fen: -r.totalFen })),
    ...repayments.map((r) => ({ kind: 'repayment' as const, id: r.id, receiptNo: r.receiptNo, at: r.createdAt, fen: r.amountFen })),
  ];
  return all.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}

export function useTillReceipts(staffId: string, day: string): TillReceipt[] | undefined {
  return useLiveQuery(() => tillReceipts(defaultDb, staffId, day), [staffId, day]);
}
