import * as v from 'valibot';
import type { StockMovement } from '../domain/entities';
import { RefusalCode } from '../domain/refusals';
import { quantity, shortText, uuid } from './fields';
import { refuse, type MutationDef } from './types';

const schema = v.strictObject({ movementId: uuid, productId: uuid, qty: quantity, note: shortText(200) });
export type StockReceiveArgs = v.InferOutput<typeof schema>;

export const stockReceive: MutationDef<StockReceiveArgs> = {
  kind: 'stock.receive',
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
      delta: args.qty,
      reason: 'receive',
      note: args.note,
      deviceId: ctx.deviceId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.staffId,
    };
    return { ok: true, changes: [{ table: 'movements', row: movement }] };
  },
};
