import type { Fen } from './money';
import type { LocalizedName, RowBase } from './entities';
import type { OrderStatus } from './order-status';

export type { OrderStatus };

/** An online shop a centre places orders on (淘宝, 京东…). Seeded by the server for every centre. */
export interface Platform extends RowBase {
  names: LocalizedName;
  active: boolean;
}

export const ORDER_LIMITS = {
  platformOrderNo: 64,
  lineName: 80,
  lineQtyMax: 999,
  linesMax: 50,
} as const;

export interface OrderLine {
  name: string;
  qty: number;
  unitPriceFen: Fen;
}

/** One change of an order's status, in the order applied. */
export interface OrderHistoryEntry {
  status: OrderStatus;
  at: string;
  staffId: string;
  deviceId: string;
  mutationId: string;
  /** A transition made on another tablet overtook this one (order-status.ts): its mutation id. */
  supersededBy?: string;
}

/** An order placed on a platform for a villager (an assisted order). */
export interface Order extends RowBase {
  customerId: string;
  platformId: string;
  /** The platform's own order number; '' while a draft. */
  platformOrderNo: string;
  lines: OrderLine[];
  deliveryFeeFen: Fen;
  serviceFeeFen: Fen;
  depositFen: Fen;
  /** Σ qty × unitPriceFen + deliveryFeeFen + serviceFeeFen (orderTotal). */
  totalFen: Fen;
  status: OrderStatus;
  history: OrderHistoryEntry[];
  deviceId: string;
}

/** What an order costs in all: the rule the decide checks the tablet's total against. */
export function orderTotal(order: Pick<Order, 'lines' | 'deliveryFeeFen' | 'serviceFeeFen'>): Fen {
  return order.lines.reduce((sum, l) => sum + l.qty * l.unitPriceFen, 0) + order.deliveryFeeFen + order.serviceFeeFen;
}
