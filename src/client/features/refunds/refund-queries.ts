import { useLiveQuery } from 'dexie-react-hooks';
import type { Refund, RefundTotals } from '../../../shared/domain/counter';
import { soldByOf } from '../../../shared/domain/quantity';
import { db } from '../../data/db';

export interface SaleRefunds {
  /** Oldest first. */
  refunds: Refund[];
  /** What the sale has had back so far; null when nothing yet. */
  totals: RefundTotals | null;
}

/** The refunds of one sale on this tablet, and what they add up to, live. */
export function useSaleRefunds(saleId: string): SaleRefunds | undefined {
  return useLiveQuery(async () => {
    const [refunds, totals] = await Promise.all([db.refunds.where('saleId').equals(saleId).sortBy('createdAt'), db.refundTotals.get(saleId)]);
    return { refunds, totals: totals ?? null };
  }, [saleId]);
}

/** What each listed sale has had back (only the sales with a refund), in one bulk read. */
export function useRefundTotalsOf(saleIds: readonly string[]): Map<string, RefundTotals> | undefined {
  const key = saleIds.join(',');
  return useLiveQuery(async () => {
    const found = await db.refundTotals.bulkGet([...saleIds]);
    return new Map(found.filter((t): t is RefundTotals => t !== undefined).map((t) => [t.id, t]));
  }, [key]);
}

/** Which of these products are sold by weight, so a refund may take part of a unit. */
export function useWeighedProducts(productIds: readonly string[]): Set<string> | undefined {
  const key = productIds.join(',');
  return useLiveQuery(async () => {
    const products = await db.products.bulkGet([...productIds]);
    return new Set(products.filter((p) => p !== undefined && soldByOf(p) === 'weight').map((p) => p!.id));
  }, [key]);
}
