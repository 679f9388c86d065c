import { ORDER_EDGES, type OrderStatus } from '../../../shared/domain/order-status';
import type { Order, OrderHistoryEntry } from '../../data/queries/order-types';

/** An order placed this many days ago and still not shipped is flagged. */
export const NOT_SHIPPED_DAYS = 5;
/** An order arrived this many days ago and still not collected is flagged. */
export const NOT_COLLECTED_DAYS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

export type OrderFlag = 'notShipped' | 'notCollected';

/** When the order last entered `status` (the history's entry that was not overtaken); undefined if never. */
export function enteredAt(order: Order, status: OrderStatus): string | undefined {
  let at: string | undefined;
  for (const entry of order.history) if (entry.status === status && !entry.supersededBy) at = entry.at;
  return at;
}

/** Why an order needs a look now, if it does. */
export function flagOf(order: Order, nowMs: number): OrderFlag | null {
  if (order.status === 'placed' || order.status === 'paid') {
    const since = enteredAt(order, 'placed') ?? order.createdAt;
    if (nowMs - Date.parse(since) > NOT_SHIPPED_DAYS * DAY_MS) return 'notShipped';
  }
  if (order.status === 'arrived') {
    const since = enteredAt(order, 'arrived') ?? order.updatedAt;
    if (nowMs - Date.parse(since) > NOT_COLLECTED_DAYS * DAY_MS) return 'notCollected';
  }
  return null;
}

/** The moves the order may make from where it is, forward ones first, cancel and return last. */
export function nextStatuses(status: OrderStatus): readonly OrderStatus[] {
  return ORDER_EDGES[status];
}

/** This tablet's own transitions that another tablet's overtook: each is shown as a notice. */
export function overtakenHere(order: Order, deviceId: string): OrderHistoryEntry[] {
  return order.history.filter((entry) => entry.deviceId === deviceId && entry.supersededBy !== undefined);
}
