import * as v from 'valibot';
import { creditEntryIdFor, tillIdFor, businessDayOf, type CreditEntry, type Till } from '../../domain/counter';
import type { Fen } from '../../domain/money';
import { normalisePaymentReference, PAYMENT_MEANS, type PaymentOutcome } from '../../domain/payments';
import { RefusalCode } from '../../domain/refusals';
import { fen } from '../fields';
import { refuse, type Author, type Decision, type MutationContext, type ReadState, type RowChange, type RowKey } from '../types';

/** Field schemas the counter's kinds share. */
export const paymentPart = v.strictObject({
  means: v.picklist(PAYMENT_MEANS),
  amountFen: v.pipe(fen, v.minValue(1)),
  reference: v.optional(v.pipe(v.string(), v.maxLength(64), v.transform(normalisePaymentReference))),
});
export const paymentParts = v.pipe(v.array(paymentPart), v.minLength(1), v.maxLength(PAYMENT_MEANS.length));

export const discount = v.variant('kind', [
  v.strictObject({ kind: v.literal('amount'), fen: v.pipe(fen, v.minValue(1)) }),
  v.strictObject({ kind: v.literal('percent'), percent: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)) }),
]);

/** The till of the staff member making the change, on the business day it is made. */
export function tillKey(who: Author): RowKey {
  return { table: 'tills', id: tillIdFor(who.staffId, businessDayOf(who.now)) };
}

/** That till with `cash` taken in (+) or given out (−), made when it is the day's first. */
export function tillWithCash(state: ReadState, ctx: MutationContext, cashInFen: Fen, cashOutFen: Fen): RowChange {
  const day = businessDayOf(ctx.now);
  const id = tillIdFor(ctx.staffId, day);
  const till: Till = state.get('tills', id) ?? {
    id, centreId: ctx.centreId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.staffId,
    staffId: ctx.staffId, day, cashInFen: 0, cashOutFen: 0, cashUp: null,
  };
  return { table: 'tills', row: { ...till, cashInFen: till.cashInFen + cashInFen, cashOutFen: till.cashOutFen + cashOutFen, updatedAt: ctx.now } };
}

/** A move of a villager's credit balance, made by the sale, repayment or refund `refId`. */
export function creditEntry(ctx: MutationContext, customerId: string, deltaFen: Fen, source: CreditEntry['source'], refId: string): RowChange {
  const row: CreditEntry = {
    id: creditEntryIdFor(refId), centreId: ctx.centreId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.staffId,
    customerId, deltaFen, source, refId, deviceId: ctx.deviceId,
  };
  return { table: 'creditEntries', row };
}

/** A payment that does not fit, as the refusal its problem deserves. */
export function paymentRefusal(outcome: Extract<PaymentOutcome, { ok: false }>): Decision {
  if (outcome.problem === 'short_cash') return refuse(RefusalCode.insufficientTender);
  if (outcome.problem === 'parts_total') return refuse(RefusalCode.badTotal);
  return refuse(RefusalCode.invalidPayment, outcome.problem);
}
