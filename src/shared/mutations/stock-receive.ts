import * as v from 'valibot';
import { NOTE_MAX_LENGTH, quantity, shortText, uuid } from './fields';
import { decideMovement, movementReads } from './stock-movement';
import type { MutationDef } from './types';

const schema = v.strictObject({ movementId: uuid, productId: uuid, qty: quantity, note: shortText(NOTE_MAX_LENGTH) });
export type StockReceiveArgs = v.InferOutput<typeof schema>;

export const stockReceive: MutationDef<StockReceiveArgs> = {
  kind: 'stock.receive',
  schema,
  reads: movementReads,
  decide: (args, state, ctx) =>
    decideMovement({ movementId: args.movementId, productId: args.productId, delta: args.qty, reason: 'receive', note: args.note }, state, ctx),
};
