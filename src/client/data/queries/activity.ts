import { useLiveQuery } from 'dexie-react-hooks';
import type { Sale } from '../../../shared/domain/entities';
import { db as defaultDb, type CunzhanDb } from '../db';
import { getMeta } from '../meta';
import type { ActivityFacts } from '../../features/activity/activity-days';
import type { OwnTablet } from '../../features/activity/tablet-names';

export interface ActivityFilter {
  from: Date;
  to: Date;
  staffId?: string | undefined;
}

/** The rows the activity screen counts, and what names the tablets. */
export interface ActivityRows {
  facts: ActivityFacts;
  /** Sales of the period, for the tablet letters on their receipt numbers. */
  sales: readonly Pick<Sale, 'deviceId' | 'receiptNo'>[];
  ownTablet: OwnTablet | null;
}

/**
 * Rows made in [from, to) by the centre's own staff (rows made by the seed
 * or the county are nobody's work here), optionally one person's. Sales and
 * movements are read through their createdAt index; products and staff are
 * few enough to scan.
 */
export async function loadActivity(database: CunzhanDb, filter: ActivityFilter): Promise<ActivityRows> {
  const from = filter.from.toISOString();
  const to = filter.to.toISOString();
  const inRange = (row: { createdAt: string }) => row.createdAt >= from && row.createdAt < to;
  const staff = await database.staff.toArray();
  const people = new Set(staff.map((s) => s.id));
  const counts = (row: { createdBy: string }) =>
    people.has(row.createdBy) && (filter.staffId === undefined || row.createdBy === filter.staffId);

  const [sales, movements, products, device] = await Promise.all([
    database.sales.where('createdAt').between(from, to, true, false).toArray(),
    database.movements.where('createdAt').between(from, to, true, false).toArray(),
    database.products.filter(inRange).toArray(),
    getMeta(database, 'device'),
  ]);
  return {
    facts: {
      sales: sales.filter(counts),
      movements: movements.filter(counts),
      productsAdded: products.filter(counts),
      staffAdded: staff.filter((s) => inRange(s) && counts(s)),
    },
    sales,
    ownTablet: device ? { deviceId: device.deviceId, deviceNo: device.deviceNo, name: device.name } : null,
  };
}

export function useActivity(filter: ActivityFilter): ActivityRows | undefined {
  const from = filter.from.getTime();
  const to = filter.to.getTime();
  return useLiveQuery(
    () => loadActivity(defaultDb, { from: new Date(from), to: new Date(to), staffId: filter.staffId }),
    [from, to, filter.staffId],
  );
}
