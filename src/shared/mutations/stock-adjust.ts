import * as v from 'valibot';
import type { StockMovement } from '../domain/entities';
import { RefusalCode } from '../domain/refusals';
import { shortText, uuid } from './fields';
import { refuse, type MutationDef } from './types';

export const ADJUST_REASONS = ['count', 'damage', 'spoil'] as const;

const schema = v.strictObject({
  movementId: uuid,
  productId: uuid,
  /** Signed change; a stock count sends counted minus expected. */
  delta: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(-1_000_000),
    v.maxValue(1_000_000),
    v.check((n) => n !== 0, 'an adjustment changes stock'),
  ),
  reason: v.picklist(ADJUST_REASONS),
  note: shortText(200),
});
export type StockAdjustArgs = v.InferOutput<typeof schema>;

export const stockAdjust: MutationDef<StockAdjustArgs> = {
  kind: 'stock.adjust',
  schema,
  reads: (args) => [
    { table: 'products', id: args.productId },
    { table: 'movements', id: args.movementId },
  ],
  decide(args, state, ctx) {
    const product = state.get('products', args.productId);
    if (!product || product.centreId !== ctx.centreId) return refuse(RefusalCode.unknownProduct);
    if (state.get('movements', args.movementId)) return refuse(RefusalCode.alreadyExists);
    const movement: StockMovement = {
      id: args.movementId,
      centreId: ctx.centreId,
      productId: args.productId,
      delta: args.delta,
      reason: args.reason,
      note: args.note,
      deviceId: ctx.deviceId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.staffId,
    };
    return { ok: true, changes: [{ table: 'movements', row: movement }] };
  },
};
