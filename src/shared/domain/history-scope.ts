import type { AnyRow, TableName } from './entities';
import type { Order } from './orders';
import type { Parcel, PickupCode } from './parcels';

/**
 * Which history a tablet keeps. Open orders and waiting parcels always stay
 * on it; closed ones stay for the centre's `historyMonths` (centre-settings.ts)
 * after they closed, then live on the server only. Tablet and server apply
 * this same rule: the server leaves older closed rows out of a pull, the
 * tablet prunes those that age out.
 */

/** Tables whose closed rows leave the tablet after the horizon. */
export const SCOPED_TABLES: readonly TableName[] = ['orders', 'parcels', 'pickupCodes'];

/** The statuses of a closed order. */
export const CLOSED_ORDER_STATUSES: ReadonlySet<string> = new Set(['collected', 'cancelled', 'returned']);

/**
 * When the row closed (UTC ISO), or null while it is open. A closed row is
 * never changed again (its status is final), so its updatedAt is the time it
 * closed.
 */
export function closedAt(table: TableName, row: AnyRow): string | null {
  switch (table) {
    case 'orders':
      return CLOSED_ORDER_STATUSES.has((row as Order).status) ? row.updatedAt : null;
    case 'parcels':
      return (row as Parcel).status === 'waiting' ? null : row.updatedAt;
    case 'pickupCodes':
      return (row as PickupCode).active ? null : row.updatedAt;
    default:
      return null;
  }
}

/** The start of the history tablets keep: `months` calendar months before `nowMs`, in UTC. */
export function historyHorizon(nowMs: number, months: number): string {
  const now = new Date(nowMs);
  const horizon = new Date(nowMs);
  horizon.setUTCDate(1);
  horizon.setUTCMonth(now.getUTCMonth() - months);
  // The same day of that month, or its last day when it has fewer days (31 March − 1 month = 28/29 Feb).
  const lastDay = new Date(Date.UTC(horizon.getUTCFullYear(), horizon.getUTCMonth() + 1, 0)).getUTCDate();
  horizon.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return horizon.toISOString();
}

/** Whether a row is older history: closed before the horizon. */
export function beforeHorizon(table: TableName, row: AnyRow, horizon: string): boolean {
  const closed = closedAt(table, row);
  return closed !== null && closed < horizon;
}

/**
 * The villager key a closed order or parcel is grouped by: its villager's id,
 * '' for a parcel matched to none. The closed history's pages come whole
 * villagers at a time by it (HistoryResponse), and the tablet packs by it.
 */
export function historyKeyOf(row: AnyRow): string {
  return (row as { customerId?: string | null }).customerId ?? '';
}
