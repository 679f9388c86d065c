import * as v from 'valibot';
import { discountAllowed, lineGrossFen, priceSale } from '../domain/discounts';
import type { Sale, SaleLine } from '../domain/entities';
import { partOf, settlePayment, type PaymentPart } from '../domain/payments';
import { fitsSoldBy, soldByOf, WHOLE_PIECES } from '../domain/quantity';
import { RefusalCode } from '../domain/refusals';
import { productOfCentre } from './centre-product';
import { creditEntry, discount, paymentParts, paymentRefusal, tillKey, tillWithCash } from './counter/fields';
import { customerIdForRef } from './customers/fields';
import { staffOfCentre } from './staff/fields';
import { fen, localizedName, quantity, shortText, unitNames, uuid } from './fields';
import { quickAcceptSaleCreate } from './sale-create-quick-check';
import { refuse, type MutationDef, type RowChange } from './types';

const line = v.strictObject({
  productId: uuid,
  names: localizedName,
  unit: shortText(20),
  unitNames: v.optional(unitNames),
  unitPriceFen: fen,
  qty: quantity,
  discount: v.optional(discount),
});

const schema = v.strictObject({
  saleId: uuid,
  receiptNo: shortText(24),
  lines: v.pipe(v.array(line), v.minLength(1), v.maxLength(200)),
  /** Cash handed over for the cash part. */
  tenderedFen: fen,
  /** How it is paid; absent: all in cash. */
  payments: v.optional(paymentParts),
  /** The villager, required for a credit part. */
  customerId: v.optional(uuid),
  discount: v.optional(discount),
  /** The admin who let a credit part take the villager past the centre's limit (a selling admin names themself). */
  creditApprovedBy: v.optional(uuid),
});
export type SaleCreateArgs = v.InferOutput<typeof schema>;

/**
 * A counter sale. The tablet sends the prices it charged: the villager paid
 * them, so the server records them even if a price changed meanwhile. Stock
 * is never a reason to refuse: a sale made offline stands (S7), and so does a
 * credit sale that takes a villager over the centre's limit offline (the
 * tablet asked for an admin's PIN if it knew; an alert says so after sync).
 * The server prices the lines again: discounts within the seller's role, the
 * payment's parts summing to the total.
 */
export const saleCreate: MutationDef<SaleCreateArgs> = {
  kind: 'sale.create',
  schema,
  accepts: quickAcceptSaleCreate,
  reads: (args, who) => [
    { table: 'sales', id: args.saleId },
    tillKey(who),
    ...(args.customerId ? [{ table: 'customers' as const, id: args.customerId }] : []),
    ...(args.creditApprovedBy ? [{ table: 'staff' as const, id: args.creditApprovedBy }] : []),
    ...args.lines.map((l) => ({ table: 'products' as const, id: l.productId })),
  ],
  decide(args, state, ctx) {
    if (state.get('sales', args.saleId)) return refuse(RefusalCode.alreadyExists);
    for (let i = 0; i < args.lines.length; i++) {
      const l = args.lines[i]!;
      const product = productOfCentre(state, l.productId, ctx);
      if (!product) return refuse(RefusalCode.unknownProduct, l.productId);
      // Decimals only for what is weighed: 1.5 bottles is a mistake, 1.5 kg of rice is not.
      if (!fitsSoldBy(l.qty, soldByOf(product))) return refuse(RefusalCode.invalidArgs, `lines.${i}.qty: ${WHOLE_PIECES}`);
    }
    const role = state.get('staff', ctx.staffId)!.role;
    const priced = priceSale(args.lines, args.discount);
    for (let i = 0; i < args.lines.length; i++) {
      const l = args.lines[i]!;
      if (!discountAllowed(role, lineGrossFen(l.unitPriceFen, l.qty), priced.lines[i]!.discountFen)) return refuse(RefusalCode.discountOverLimit, `line ${i}`);
    }
    if (!discountAllowed(role, priced.subtotalFen, priced.saleDiscountFen)) return refuse(RefusalCode.discountOverLimit, 'sale');
    const totalFen = priced.totalFen;
    const payments: PaymentPart[] = args.payments ?? [{ means: 'cash', amountFen: totalFen }];
    const customerId = args.customerId === undefined ? undefined : customerIdForRef(state, args.customerId, ctx);
    if (args.customerId !== undefined && customerId === undefined) return refuse(RefusalCode.unknownCustomer);
    const credit = partOf(payments, 'credit');
    if (credit > 0 && customerId === undefined) return refuse(RefusalCode.unknownCustomer);
    // Only an admin of the centre allows credit past the limit (one since deactivated still did, like a sale by one).
    if (args.creditApprovedBy !== undefined) {
      if (credit === 0) return refuse(RefusalCode.invalidArgs, 'creditApprovedBy: no credit part');
      if (staffOfCentre(state, args.creditApprovedBy, ctx)?.role !== 'admin') return refuse(RefusalCode.unknownStaff, 'creditApprovedBy');
    }
    // A sale of nothing to pay (all discounted) has no parts to check.
    const outcome = totalFen === 0 && args.payments === undefined ? { ok: true as const, cashFen: 0, changeFen: args.tenderedFen } : settlePayment(totalFen, payments, args.tenderedFen);
    if (!outcome.ok) return paymentRefusal(outcome);

    const lines: SaleLine[] = args.lines.map(({ discount: _discount, unitNames, ...rest }, i) => {
      const off = priced.lines[i]!.discountFen;
      // The unit's names, when sent, stay where the line had them (after `unit`).
      const l = unitNames === undefined ? rest : { ...rest, unitNames };
      return off > 0 ? { ...l, lineTotalFen: priced.lines[i]!.lineTotalFen, discountFen: off } : { ...l, lineTotalFen: priced.lines[i]!.lineTotalFen };
    });
    const sale: Sale = {
      id: args.saleId,
      centreId: ctx.centreId,
      receiptNo: args.receiptNo,
      lines,
      totalFen,
      tenderedFen: args.tenderedFen,
      changeFen: outcome.changeFen,
      payment: payments.length === 1 ? payments[0]!.means : 'mixed',
      channel: 'counter',
      deviceId: ctx.deviceId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.staffId,
    };
    // Sales paid all in cash keep the row they always had; the rest record how they were paid.
    if (args.payments !== undefined) sale.payments = payments;
    if (customerId !== undefined) sale.customerId = customerId;
    if (args.creditApprovedBy !== undefined) sale.creditApprovedBy = args.creditApprovedBy;
    if (priced.saleDiscountFen > 0) sale.discountFen = priced.saleDiscountFen;
    const changes: RowChange[] = [{ table: 'sales', row: sale }, tillWithCash(state, ctx, outcome.cashFen, 0)];
    if (credit > 0) changes.push(creditEntry(ctx, customerId!, credit, 'sale', sale.id));
    return { ok: true, changes };
  },
};
