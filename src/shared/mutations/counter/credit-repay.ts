import * as v from 'valibot';
import type { Repayment } from '../../domain/counter';
import { settlePayment } from '../../domain/payments';
import { RefusalCode } from '../../domain/refusals';
import { customerIdForRef } from '../customers/fields';
import { fen, shortText, uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { creditEntry, paymentParts, paymentRefusal, tillKey, tillWithCash } from './fields';

const schema = v.strictObject({
  repaymentId: uuid,
  receiptNo: shortText(24),
  customerId: uuid,
  amountFen: v.pipe(fen, v.minValue(1)),
  payments: paymentParts,
  tenderedFen: fen,
});
export type CreditRepayArgs = v.InferOutput<typeof schema>;

/**
 * A villager pays back (part of) what they owe, in cash or by mobile
 * payment. Paying more than is owed leaves a balance in their favour: two
 * tablets may each have taken a repayment offline, and both stand.
 */
export const creditRepay: MutationDef<CreditRepayArgs> = {
  kind: 'credit.repay',
  schema,
  reads: (args, who) => [{ table: 'repayments', id: args.repaymentId }, { table: 'customers', id: args.customerId }, tillKey(who)],
  decide(args, state, ctx) {
    if (state.get('repayments', args.repaymentId)) return refuse(RefusalCode.alreadyExists);
    const customerId = customerIdForRef(state, args.customerId, ctx);
    if (customerId === undefined) return refuse(RefusalCode.unknownCustomer);
    const outcome = settlePayment(args.amountFen, args.payments, args.tenderedFen, false);
    if (!outcome.ok) return paymentRefusal(outcome);
    const repayment: Repayment = {
      id: args.repaymentId, centreId: ctx.centreId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.staffId,
      customerId, receiptNo: args.receiptNo, amountFen: args.amountFen, payments: args.payments,
      tenderedFen: args.tenderedFen, changeFen: outcome.changeFen, deviceId: ctx.deviceId,
    };
    return {
      ok: true,
      changes: [
        { table: 'repayments', row: repayment },
        creditEntry(ctx, customerId, -args.amountFen, 'repayment', repayment.id),
        tillWithCash(state, ctx, outcome.cashFen, 0),
      ],
    };
  },
};
