import * as v from 'valibot';
import type { MutationDef } from '../types';
import { decideRefund, refundFields, refundReads } from './refund-decide';

const schema = v.strictObject({
  ...refundFields,
  lines: v.pipe(
    v.array(v.strictObject({ lineIndex: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(199)), qty: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
    v.minLength(1),
    v.maxLength(200),
  ),
});
export type SaleRefundArgs = v.InferOutput<typeof schema>;

/** A full or partial refund (a return) of a past sale, by line. */
export const saleRefund: MutationDef<SaleRefundArgs> = {
  kind: 'sale.refund',
  schema,
  reads: refundReads,
  decide: (args, state, ctx) => decideRefund({ ...args, voided: false }, state, ctx),
};
