import type { Refund, RefundLine, RefundTotals } from '../../domain/counter';
import { deterministicId } from '../../domain/deterministic-id';
import type { Sale, StockMovement } from '../../domain/entities';
import { partOf } from '../../domain/payments';
import { addQuantities } from '../../domain/quantity';
import { lineRefundFen, paidByLine, paymentsOf, qtyLeftByLine, refundParts, voidInTime } from '../../domain/refund-rules';
import { RefusalCode } from '../../domain/refusals';
import { shortText, uuid } from '../fields';
import { refuse, type Author, type Decision, type MutationContext, type ReadState, type RowChange, type RowKey } from '../types';
import { creditEntry, tillKey, tillWithCash } from './fields';

/** The fields every refund names, a void too: the refund's id, the sale, its receipt number, why. */
export const refundFields = {
  refundId: uuid,
  saleId: uuid,
  receiptNo: shortText(24),
  reason: shortText(200),
};

export interface RefundInput {
  refundId: string;
  saleId: string;
  receiptNo: string;
  /** Lines and how many of each come back; a void takes everything left. */
  lines: { lineIndex: number; qty: number }[] | 'all';
  reason: string;
  voided: boolean;
}

export function refundReads(input: Pick<RefundInput, 'refundId' | 'saleId'>, who: Author): RowKey[] {
  return [
    { table: 'refunds', id: input.refundId },
    { table: 'sales', id: input.saleId },
    { table: 'refundTotals', id: input.saleId },
    tillKey(who),
  ];
}

/** The id of the stock movement putting back line `lineIndex` of a refund: the same on every side. */
export function refundMovementId(refundId: string, lineIndex: number): string {
  return deterministicId('refund-movement', `${refundId}/${lineIndex}`);
}

/**
 * A refund of a sale of this centre: by line, never more of a line than is
 * left, paid back by the sale's own means (credit first, then mobile, then
 * cash; refund-rules.ts), the goods back in stock (reason `return`), the
 * credit part off the villager's balance, the cash part out of the refunding
 * staff member's till. A void is an admin's refund of all that is left, on
 * the sale's own business day.
 */
export function decideRefund(input: RefundInput, state: ReadState, ctx: MutationContext): Decision {
  if (state.get('refunds', input.refundId)) return refuse(RefusalCode.alreadyExists);
  const sale: Sale | undefined = state.get('sales', input.saleId);
  if (!sale || sale.centreId !== ctx.centreId) return refuse(RefusalCode.unknownSale);
  if (input.voided && !voidInTime(sale, ctx.now)) return refuse(RefusalCode.voidTooLate);
  const totals: RefundTotals = state.get('refundTotals', sale.id) ?? {
    id: sale.id, centreId: ctx.centreId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.staffId,
    qtyByLine: sale.lines.map(() => 0), fenByMeans: {}, voided: false,
  };
  const asked = input.lines === 'all' ? qtyLeftByLine(sale, totals.qtyByLine).map((qty, lineIndex) => ({ lineIndex, qty })).filter((l) => l.qty > 0) : input.lines;
  if (asked.length === 0) return refuse(RefusalCode.overRefund, 'nothing left');
  const paid = paidByLine(sale);
  const qtyByLine = [...totals.qtyByLine];
  const lines: RefundLine[] = [];
  for (const { lineIndex, qty } of asked) {
    const line = sale.lines[lineIndex];
    const before = qtyByLine[lineIndex] ?? 0;
    // Weighed lines refund in decimals: sums in thousandths (quantity.ts), what is left may be under 1.
    if (!line || qty <= 0 || addQuantities(before, qty) > line.qty) return refuse(RefusalCode.overRefund, `line ${lineIndex}`);
    lines.push({ lineIndex, qty, amountFen: lineRefundFen(paid[lineIndex]!, line.qty, before, qty) });
    qtyByLine[lineIndex] = addQuantities(before, qty);
  }
  const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
  const parts = refundParts(paymentsOf(sale), totals.fenByMeans, totalFen);
  if (!parts) return refuse(RefusalCode.overRefund, 'payments');
  const fenByMeans = { ...totals.fenByMeans };
  for (const p of parts) fenByMeans[p.means] = (fenByMeans[p.means] ?? 0) + p.amountFen;

  const base = { centreId: ctx.centreId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.staffId };
  const refund: Refund = { id: input.refundId, ...base, saleId: sale.id, receiptNo: input.receiptNo, lines, payments: parts, totalFen, reason: input.reason, voided: input.voided, deviceId: ctx.deviceId };
  const changes: RowChange[] = [
    { table: 'refunds', row: refund },
    { table: 'refundTotals', row: { ...totals, qtyByLine, fenByMeans, voided: totals.voided || input.voided, updatedAt: ctx.now } },
  ];
  for (const l of lines) {
    const movement: StockMovement = {
      id: refundMovementId(refund.id, l.lineIndex), ...base, productId: sale.lines[l.lineIndex]!.productId,
      delta: l.qty, reason: 'return', note: input.reason, deviceId: ctx.deviceId,
    };
    changes.push({ table: 'movements', row: movement });
  }
  const credit = partOf(parts, 'credit');
  if (credit > 0 && sale.customerId) changes.push(creditEntry(ctx, sale.customerId, -credit, 'refund', refund.id));
  const cash = partOf(parts, 'cash');
  if (cash > 0) changes.push(tillWithCash(state, ctx, 0, cash));
  return { ok: true, changes };
}
