import { uuidv7 } from '../../../shared/domain/ids';
import type { StockAdjustArgs } from '../../../shared/mutations/stock-adjust';
import { runCommand, type CommandContext } from './run-command';

export type AdjustReason = StockAdjustArgs['reason'];

/** What staff enter; `delta` is signed (for a count, counted minus shown). */
export type AdjustStockInput = Omit<StockAdjustArgs, 'movementId'>;

export async function adjustStock(input: AdjustStockInput, context?: CommandContext): Promise<void> {
  const movementId = uuidv7();
  await runCommand('stock.adjust', () => ({ movementId, ...input }), context);
}
