import { uuidv7 } from '../../../shared/domain/ids';
import { runCommand, type CommandContext } from './run-command';

export type AdjustReason = 'count' | 'damage' | 'spoil';

export interface AdjustStockInput {
  productId: string;
  /** Signed change; for a count, counted minus shown. */
  delta: number;
  reason: AdjustReason;
  note: string;
}

export async function adjustStock(input: AdjustStockInput, context?: CommandContext): Promise<void> {
  const movementId = uuidv7();
  await runCommand('stock.adjust', () => ({ movementId, ...input }), context);
}
