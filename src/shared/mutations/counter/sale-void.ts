import * as v from 'valibot';
import type { MutationDef } from '../types';
import { decideRefund, refundFields, refundReads } from './refund-decide';

const schema = v.strictObject(refundFields);
export type SaleVoidArgs = v.InferOutput<typeof schema>;

/** An admin voids a sale of the same business day: all of it that was not refunded comes back. */
export const saleVoid: MutationDef<SaleVoidArgs> = {
  kind: 'sale.void',
  schema,
  reads: refundReads,
  decide: (args, state, ctx) => decideRefund({ ...args, lines: 'all', voided: true }, state, ctx),
};
