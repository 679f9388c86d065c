import type { SettingValues } from '../../../shared/domain/centre-settings';
import { ORDER_EDGES, type OrderStatus } from '../../../shared/domain/order-status';
import type { Order, OrderHistoryEntry } from '../../data/queries/order-types';

/** When an order counts as late: the centre's settings, set by an admin. */
export type LateAfter = Pick<SettingValues, 'notShippedDays' | 'notCollectedDays'>;

const DAY_MS = 24 * 60 * 60 * 1000;

export type OrderFlag = 'notShipped' | 'notCollected';

/** When the order last entered `status` (the history's entry that was not overtaken); undefined if never. */
export function enteredAt(order: Order, status: OrderStatus): string | undefined {
  let at: string | undefined;
  for (const entry of order.history) if (entry.status === status && !entry.supersededBy) at = entry.at;
  return at;
}

/** Why an order needs a look now, if it does. */
export function flagOf(order: Order, nowMs: number, late: LateAfter): OrderFlag | null {
  if (order.status === 'placed' || order.status === 'paid') {
    const since = enteredAt(order, 'placed') ?? order.createdAt;
    if (nowMs - Date.parse(since) > late.notShippedDays * DAY_MS) return 'notShipped';
  }
  if (order.status === 'arrived') {
    const since = enteredAt(order, 'arrived') ?? order.updatedAt;
    if (nowMs - Date.parse(since) > late.notCollectedDays * DAY_MS) return 'notCollected';
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
