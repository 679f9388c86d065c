import type { RefusalCode } from './refusals';

/**
 * The assisted order's status machine, run alike by tablet and server.
 * Two tablets may move one order offline; the rule below makes every
 * arrival order end in the same status (README, "Villagers, orders and parcels").
 */
export const ORDER_STATUSES = ['draft', 'placed', 'paid', 'shipped', 'arrived', 'collected', 'cancelled', 'returned'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Legal moves. Every edge goes up in RANK, so no chain of moves comes back. */
export const ORDER_EDGES: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  draft: ['placed', 'cancelled'],
  placed: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['arrived', 'returned'],
  arrived: ['collected', 'returned'],
  collected: [],
  cancelled: [],
  returned: [],
};

/** How far an order went: of two tablets' conflicting moves, the one that goes further wins. */
export const RANK: Readonly<Record<OrderStatus, number>> = {
  draft: 0,
  placed: 1,
  paid: 2,
  cancelled: 3,
  shipped: 4,
  arrived: 5,
  returned: 6,
  collected: 7,
};

export function isLegalEdge(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_EDGES[from].includes(to);
}

export type TransitionOutcome = { ok: true } | { ok: false; code: Extract<RefusalCode, 'illegal_transition' | 'order_conflict'> };

/**
 * Whether a move `from` → `to`, made by a tablet that saw `from`, applies to
 * an order now at `cur`. When the order has not moved meanwhile, a legal edge
 * applies (any other move: `illegal_transition`). When another tablet moved
 * it, the move still applies if it is a legal edge that goes further than
 * where the order is now (cancelled beats everything before shipped);
 * otherwise it lost: `order_conflict`.
 */
export function resolveTransition(cur: OrderStatus, from: OrderStatus, to: OrderStatus): TransitionOutcome {
  const legal = isLegalEdge(from, to);
  if (cur === from) return legal ? { ok: true } : { ok: false, code: 'illegal_transition' };
  return legal && RANK[to] > RANK[cur] ? { ok: true } : { ok: false, code: 'order_conflict' };
}
