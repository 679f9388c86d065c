import * as v from 'valibot';
import { quantity } from '../fields';
import type { MutationDef } from '../types';
import { decideRefund, refundFields, refundReads } from './refund-decide';

const schema = v.strictObject({
  ...refundFields,
  lines: v.pipe(
    v.array(v.strictObject({ lineIndex: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(199)), qty: quantity })),
    v.minLength(1),
    v.maxLength(200),
  ),
});
export type SaleRefundArgs = v.InferOutput<typeof schema>;

/** A full or partial refund (a return) of a past sale, by line; a weighed line's part in up to three decimals. */
export const saleRefund: MutationDef<SaleRefundArgs> = {
  kind: 'sale.refund',
  schema,
  reads: refundReads,
  decide: (args, state, ctx) => decideRefund({ ...args, voided: false }, state, ctx),
};
