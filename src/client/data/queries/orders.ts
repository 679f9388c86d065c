import { useLiveQuery } from 'dexie-react-hooks';
import { ORDER_STATUSES } from '../../../shared/domain/order-status';
import type { Staff } from '../../../shared/domain/entities';
import { CLOSED_ORDER_STATUSES } from '../../../shared/domain/history-scope';
import { getRow } from '../closed-history';
import { closedOrderCount } from '../closed-history-counts';
import { closedParcelsOfOrder, newestClosedOrders } from '../closed-history-status';
import { db as defaultDb, type CunzhanDb } from '../db';
import type { Customer, Order, OrderStatus, Parcel, Platform } from './order-types';
import { idsOfVillager, resolveCustomerRow } from './villagers';

/** An order with what its row only names by id. */
export interface OrderView {
  order: Order;
  customer: Customer | undefined;
  platform: Platform | undefined;
}

async function viewsOf(database: CunzhanDb, orders: readonly Order[]): Promise<OrderView[]> {
  const platforms = new Map((await database.platforms.toArray()).map((p) => [p.id, p]));
  const customers = new Map<string, Customer | undefined>();
  const views: OrderView[] = [];
  for (const order of orders) {
    if (!customers.has(order.customerId)) customers.set(order.customerId, await resolveCustomerRow(database, order.customerId));
    views.push({ order, customer: customers.get(order.customerId), platform: platforms.get(order.platformId) });
  }
  return views;
}

/**
 * How many orders are in each status (the chips' counts): open ones counted
 * in the orders' status index, closed ones in the packs' (closed-history.ts).
 */
export async function orderCounts(database: CunzhanDb): Promise<Record<OrderStatus, number>> {
  const counts = await Promise.all(
    ORDER_STATUSES.map((s) => (CLOSED_ORDER_STATUSES.has(s) ? closedOrderCount(database, s) : database.orders.where('status').equals(s).count())),
  );
  return Object.fromEntries(ORDER_STATUSES.map((s, i) => [s, counts[i]!])) as Record<OrderStatus, number>;
}

export function useOrderCounts(): Record<OrderStatus, number> | undefined {
  return useLiveQuery(() => orderCounts(defaultDb), []);
}

/** Closed orders a list shows at first, and how many more each "show more" adds. */
export const ORDERS_PAGE = 30;

/** A list of orders as it shows: its first rows, and how many there are in all. */
export interface OrderList {
  rows: OrderView[];
  total: number;
}

/**
 * Orders in some statuses, most recently changed first: the first `shown`
 * of them, and how many there are. Open ones are records, read whole (a
 * centre has tens or hundreds); closed ones come from the packs holding a
 * status's newest, `shown` of each status, so the list of a busy centre's
 * tens of thousands of collected orders reads one page of them.
 */
export async function ordersIn(database: CunzhanDb, statuses: readonly OrderStatus[], shown = Infinity): Promise<OrderList> {
  const closed = statuses.filter((s) => CLOSED_ORDER_STATUSES.has(s));
  const open = statuses.filter((s) => !CLOSED_ORDER_STATUSES.has(s));
  const [openRows, closedRows, closedCounts] = await Promise.all([
    open.length > 0 ? database.orders.where('status').anyOf(open).toArray() : [],
    Promise.all(closed.map((s) => newestClosedOrders(database, s, shown))),
    Promise.all(closed.map((s) => closedOrderCount(database, s))),
  ]);
  const orders = [...openRows, ...closedRows.flat()];
  orders.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
  const total = openRows.length + closedCounts.reduce((n, c) => n + c, 0);
  return { rows: await viewsOf(database, orders.slice(0, shown)), total };
}

/** The first `shown` orders in some statuses and how many there are (see ordersIn). */
export function useOrdersIn(statuses: readonly OrderStatus[], shown = Infinity): OrderList | undefined {
  return useLiveQuery(() => ordersIn(defaultDb, statuses, shown), [statuses.join(','), shown]);
}

export interface OrderDetail extends OrderView {
  parcels: Parcel[];
  staff: Map<string, Staff>;
}

/** One order with its villager, platform, parcels and the people in its history; null when unknown here. */
export function useOrder(orderId: string): OrderDetail | null | undefined {
  return useLiveQuery(async () => {
    const order = await getRow(defaultDb, 'orders', orderId);
    if (!order) return null;
    const [view] = await viewsOf(defaultDb, [order]);
    const parcels = [...(await defaultDb.parcels.where('orderId').equals(orderId).toArray()), ...(await closedParcelsOfOrder(defaultDb, orderId))];
    const staff = new Map((await defaultDb.staff.toArray()).map((s) => [s.id, s]));
    return { ...view!, parcels, staff };
  }, [orderId]);
}

/** Statuses in which a parcel may still come for an order. */
export const AWAITING_PARCEL: readonly OrderStatus[] = ['placed', 'paid', 'shipped'];

/** A villager's orders still waiting for a parcel (their merged ids' too), newest first: open orders, records of their own. */
export async function openOrdersOf(database: CunzhanDb, customerId: string): Promise<OrderView[]> {
  const ids = await idsOfVillager(database, customerId);
  const orders = (await database.orders.where('customerId').anyOf(ids).toArray()).filter((o) => AWAITING_PARCEL.includes(o.status));
  orders.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return viewsOf(database, orders);
}

export function useOpenOrdersOf(customerId: string | null): OrderView[] | undefined {
  return useLiveQuery(async () => (customerId ? openOrdersOf(defaultDb, customerId) : []), [customerId]);
}

/** Platforms to pick from: the active ones, in the order the server seeded them. */
export function usePlatforms(): Platform[] | undefined {
  return useLiveQuery(async () => {
    const all = await defaultDb.platforms.toArray();
    return all.filter((p) => p.active).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }, []);
}
