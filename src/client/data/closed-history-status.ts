import type { PromiseExtended } from 'dexie';
import type { Order } from '../../shared/domain/orders';
import type { Parcel } from '../../shared/domain/parcels';
import type { ClosedKey, PackedTable } from './closed-history';
import type { CunzhanDb } from './db';

/*
 * Closed orders and parcels read by status, from the packs' summaries
 * (closed-history.ts): a status's newest orders, the parcels that arrived
 * since a day, and an order's parcels.
 */

/**
 * The bounds of one table's status in the `closed` index, its packs' newest
 * rows from `since` on when given: `[table, status]` sorts before every
 * entry of the status, and `[table, status, t]` before every entry whose
 * newest row is at time t or later. (A key may not hold one object twice,
 * so Dexie.maxKey cannot stand for two of its parts.)
 */
function statusRange(table: PackedTable, status: string, since?: string): [string[], string[]] {
  return [since === undefined ? [table, status] : [table, status, since], [table, status, '\uffff']];
}

/** The entries of one table's status in the `closed` index (see statusRange). */
function ofStatus(database: CunzhanDb, table: PackedTable, status: string, since?: string) {
  const [low, high] = statusRange(table, status, since);
  return database.historyPacks.where('closed').between(low, high, true, false);
}

// ISO times of one format: plain string order is time order.
const newestFirst = (a: Order, b: Order) => (a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * A closed status's newest `count` orders, newest first (by `updatedAt`,
 * then id). The status's packs are read newest row first, and the walk
 * stops at the first pack whose newest row is older than the last order
 * kept: a list shows a page of a centre's tens of thousands of collected
 * orders after reading about as many packs as it shows orders.
 */
export function newestClosedOrders(database: CunzhanDb, status: string, count: number): PromiseExtended<Order[]> {
  const newest: Order[] = [];
  let enough = false;
  return ofStatus(database, 'orders', status)
    .reverse()
    .until(() => enough)
    .each((pack, cursor) => {
      const last = newest[count - 1];
      if (last && (cursor.key as unknown as ClosedKey)[2] < last.updatedAt) {
        enough = true;
        return;
      }
      newest.push(...pack.orders.filter((o) => o.status === status));
      newest.sort(newestFirst);
      if (newest.length > count) newest.length = count;
    })
    .then(() => newest);
}

/** Closed parcels of a status that arrived from `since` on (ISO UTC), from the packs holding any. */
export function closedParcelsSince(database: CunzhanDb, status: 'collected' | 'returned', since: string): PromiseExtended<Parcel[]> {
  return ofStatus(database, 'parcels', status, since)
    .toArray()
    .then((packs) => packs.flatMap((p) => p.parcels.filter((x) => x.status === status && x.arrivedAt >= since)));
}

/** The closed parcels of an order: in the packs naming the order (see HistoryPack.orderIds). */
export function closedParcelsOfOrder(database: CunzhanDb, orderId: string): PromiseExtended<Parcel[]> {
  return database.historyPacks
    .where('orderIds')
    .equals(orderId)
    .toArray()
    .then((packs) => packs.flatMap((p) => p.parcels.filter((x) => x.orderId === orderId)));
}
