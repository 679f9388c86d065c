import { resolveTransition, type OrderStatus } from '../../domain/order-status';
import type { Order, OrderHistoryEntry } from '../../domain/orders';
import type { MutationContext, ReadState } from '../types';

/** An order of this centre, or nothing: another centre's order is as unknown as a missing one. */
export function orderOfCentre(state: ReadState, id: string, ctx: MutationContext): Order | undefined {
  const order = state.get('orders', id);
  return order?.centreId === ctx.centreId ? order : undefined;
}

/** The history entry this mutation adds. */
export function historyEntry(status: OrderStatus, ctx: MutationContext): OrderHistoryEntry {
  return { status, at: ctx.now, staffId: ctx.staffId, deviceId: ctx.deviceId, mutationId: ctx.mutationId };
}

/**
 * The order moved to `to` by a move its tablet made from `from`, already
 * allowed by resolveTransition. When another tablet had moved it meanwhile,
 * the entry that set the status this move overtakes is marked superseded.
 */
export function movedOrder(order: Order, from: OrderStatus, to: OrderStatus, ctx: MutationContext): Order {
  const history = order.history.slice();
  if (order.status !== from) {
    for (let i = history.length - 1; i >= 0; i--) {
      const entry = history[i]!;
      if (entry.status === order.status && entry.supersededBy === undefined) {
        history[i] = { ...entry, supersededBy: ctx.mutationId };
        break;
      }
    }
  }
  history.push(historyEntry(to, ctx));
  return { ...order, status: to, history, updatedAt: ctx.now };
}

/**
 * The order moved to `to` as a side effect (a parcel arrived, was collected
 * or returned) when its status allows that move now; else unchanged (null).
 */
export function followOrder(order: Order | undefined, to: OrderStatus, ctx: MutationContext): Order | null {
  if (!order || !resolveTransition(order.status, order.status, to).ok) return null;
  return movedOrder(order, order.status, to, ctx);
}
