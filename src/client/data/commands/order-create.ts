import { uuidv7 } from '../../../shared/domain/ids';
import type { Fen } from '../../../shared/domain/money';
import { orderTotal } from '../../../shared/domain/orders';
import { runCommand, type CommandContext } from './run-command';

export interface OrderLineInput {
  name: string;
  qty: number;
  unitPriceFen: Fen;
}

/** An assisted order as the form gives it; the total is worked out here, as the mutation checks it. */
export interface OrderInput {
  customerId: string;
  platformId: string;
  platformOrderNo: string;
  lines: OrderLineInput[];
  deliveryFeeFen: Fen;
  serviceFeeFen: Fen;
  depositFen: Fen;
  status: 'draft' | 'placed';
}

/** Records an order placed (or drafted) for a villager; resolves to its id once saved. */
export async function createOrder(input: OrderInput, context?: CommandContext): Promise<string> {
  const orderId = uuidv7();
  await runCommand('order.create', () => ({ orderId, ...input, totalFen: orderTotal(input) }), context);
  return orderId;
}
