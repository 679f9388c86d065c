import { uuidv7 } from '../../../shared/domain/ids';
import { runCommand, type CommandContext } from './run-command';

export interface ReceiveStockInput {
  productId: string;
  qty: number;
  note: string;
}

export async function receiveStock(input: ReceiveStockInput, context?: CommandContext): Promise<void> {
  const movementId = uuidv7();
  await runCommand('stock.receive', () => ({ movementId, ...input }), context);
}
