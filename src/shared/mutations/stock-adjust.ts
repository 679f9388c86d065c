import * as v from 'valibot';
import { isThousandths } from '../domain/quantity';
import { MAX_QUANTITY } from '../domain/stock';
import { NOTE_MAX_LENGTH, shortText, uuid } from './fields';
import { decideMovement, movementReads } from './stock-movement';
import type { MutationDef } from './types';

export const ADJUST_REASONS = ['count', 'damage', 'spoil'] as const;

const schema = v.strictObject({
  movementId: uuid,
  productId: uuid,
  /** Signed change (three decimals at most, for weighed products); a stock count sends counted minus expected. */
  delta: v.pipe(
    v.number(),
    v.minValue(-MAX_QUANTITY),
    v.maxValue(MAX_QUANTITY),
    v.check(isThousandths, 'at most three decimals'),
    v.check((n) => n !== 0, 'an adjustment changes stock'),
  ),
  reason: v.picklist(ADJUST_REASONS),
  note: shortText(NOTE_MAX_LENGTH),
});
export type StockAdjustArgs = v.InferOutput<typeof schema>;

/** The args are the movement as it is written: the delta and reason as sent. */
export const stockAdjust: MutationDef<StockAdjustArgs> = {
  kind: 'stock.adjust',
  schema,
  reads: movementReads,
  decide: decideMovement,
};
