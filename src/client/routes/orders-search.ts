import { ORDER_STATUSES, type OrderStatus } from '../../shared/domain/order-status';

/** Which orders the list shows: one status, or those flagged as late. */
export type OrdersView = OrderStatus | 'flagged';
export interface OrdersSearch {
  view?: OrdersView;
}

/** A new order or parcel may start for a villager (from their page) or, for a parcel, for an order. */
export interface ForVillagerSearch {
  customerId?: string;
  orderId?: string;
}

const ID = /^[0-9a-f-]{36}$/i;

export function parseOrdersSearch(search: Record<string, unknown>): OrdersSearch {
  const view = search['view'];
  if (view === 'flagged') return { view };
  return typeof view === 'string' && (ORDER_STATUSES as readonly string[]).includes(view) ? { view: view as OrderStatus } : {};
}

export function parseForVillagerSearch(search: Record<string, unknown>): ForVillagerSearch {
  const result: ForVillagerSearch = {};
  if (typeof search['customerId'] === 'string' && ID.test(search['customerId'])) result.customerId = search['customerId'];
  if (typeof search['orderId'] === 'string' && ID.test(search['orderId'])) result.orderId = search['orderId'];
  return result;
}
