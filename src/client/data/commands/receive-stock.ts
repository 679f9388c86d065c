import { uuidv7 } from '../../../shared/domain/ids';
import type { StockReceiveArgs } from '../../../shared/mutations/stock-receive';
import { runCommand, type CommandContext } from './run-command';

export type ReceiveStockInput = Omit<StockReceiveArgs, 'movementId'>;

export async function receiveStock(input: ReceiveStockInput, context?: CommandContext): Promise<void> {
  const movementId = uuidv7();
  await runCommand('stock.receive', () => ({ movementId, ...input }), context);
}
