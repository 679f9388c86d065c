import { useLiveQuery } from 'dexie-react-hooks';
import type { Sale } from '../../../shared/domain/entities';
import { db as defaultDb, type CunzhanDb } from '../db';

export interface SalesFilter {
  from: Date;
  to: Date;
  staffId?: string | undefined;
}

/** Sales made in [from, to), newest first, optionally by one person. */
export async function listSales(database: CunzhanDb, filter: SalesFilter): Promise<Sale[]> {
  const range = database.sales.where('createdAt').between(filter.from.toISOString(), filter.to.toISOString(), true, false);
  const staffId = filter.staffId;
  const sales = staffId ? range.filter((s) => s.createdBy === staffId) : range;
  return sales.reverse().toArray();
}

export function useSales(filter: SalesFilter): Sale[] | undefined {
  const from = filter.from.getTime();
  const to = filter.to.getTime();
  return useLiveQuery(
    () => listSales(defaultDb, { from: new Date(from), to: new Date(to), staffId: filter.staffId }),
    [from, to, filter.staffId],
  );
}

/** undefined while loading, null when there is no such sale. */
export function useSale(id: string): Sale | null | undefined {
  return useLiveQuery(async () => (await defaultDb.sales.get(id)) ?? null, [id]);
}
