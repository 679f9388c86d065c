import type { OrderStatus } from '../../../shared/domain/orders';
import { runCommand, type CommandContext } from './run-command';

/**
 * Moves an order on. `from` is the status the screen showed: when another
 * tablet changed the order meanwhile, the shared rule (resolveTransition)
 * decides here and again on the server which change wins.
 */
export async function transitionOrder(orderId: string, from: OrderStatus, to: OrderStatus, context?: CommandContext): Promise<void> {
  await runCommand('order.transition', () => ({ orderId, from, to }), context);
}
