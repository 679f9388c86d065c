import type { RefundTotals } from '../../../shared/domain/counter';
import type { Sale, SaleLine } from '../../../shared/domain/entities';
import type { Fen } from '../../../shared/domain/money';
import type { PaymentPart } from '../../../shared/domain/payments';
import { parseQuantityText } from '../../../shared/domain/quantity';
import { lineRefundFen, paidByLine, paymentsOf, qtyLeftByLine, refundParts } from '../../../shared/domain/refund-rules';

/**
 * The refund screen's arithmetic, done with the shared rules the mutation
 * runs (refund-rules.ts), so the amount shown before confirming is the
 * amount the refund records.
 */

export interface LineLeft {
  lineIndex: number;
  line: SaleLine;
  /** Refunded of it already. */
  refunded: number;
  /** Still to refund. */
  left: number;
  /** What the line was paid, its share of the sale's discount taken off. */
  paidFen: Fen;
  /** A weighed line may come back in part of a unit. */
  decimals: boolean;
}

/**
 * Each line of the sale with what is left of it. `weighed` names the products
 * sold by weight; a line holding part of a unit counts as weighed too.
 */
export function linesLeft(sale: Sale, totals: RefundTotals | null, weighed: ReadonlySet<string> = new Set()): LineLeft[] {
  const paid = paidByLine(sale);
  const left = qtyLeftByLine(sale, totals?.qtyByLine);
  return sale.lines.map((line, lineIndex) => {
    const decimals = weighed.has(line.productId) || !Number.isInteger(line.qty);
    return { lineIndex, line, refunded: totals?.qtyByLine[lineIndex] ?? 0, left: left[lineIndex]!, paidFen: paid[lineIndex]!, decimals };
  });
}

/** Whether anything of the sale is left to give back. */
export function anythingLeft(sale: Sale, totals: RefundTotals | null): boolean {
  return qtyLeftByLine(sale, totals?.qtyByLine).some((left) => left > 0);
}

export type LineProblem = 'invalid' | 'overRefund';

export interface RefundPreview {
  lines: { lineIndex: number; qty: number; amountFen: Fen }[];
  totalFen: Fen;
  /** How it goes back, credit first, then mobile, then cash; null when the sale's means cannot hold it. */
  parts: PaymentPart[] | null;
  /** Lines whose typed quantity cannot be refunded, by index. */
  problems: Map<number, LineProblem>;
}

/** What refunding `typed` (quantity text by line index; absent or empty: none) gives back. */
export function previewRefund(
  sale: Sale,
  totals: RefundTotals | null,
  typed: ReadonlyMap<number, string>,
  weighed: ReadonlySet<string> = new Set(),
): RefundPreview {
  const lines: RefundPreview['lines'] = [];
  const problems = new Map<number, LineProblem>();
  for (const l of linesLeft(sale, totals, weighed)) {
    const text = typed.get(l.lineIndex) ?? '';
    if (text.trim() === '') continue;
    const qty = parseQuantityText(text, l.decimals ? 3 : 0);
    if (qty === null) problems.set(l.lineIndex, 'invalid');
    else if (qty > l.left) problems.set(l.lineIndex, 'overRefund');
    else if (qty > 0) lines.push(refundLine(l, qty));
  }
  return withParts(sale, totals, lines, problems);
}

/** Everything left of the sale, as a void gives it back. */
export function previewAll(sale: Sale, totals: RefundTotals | null): RefundPreview {
  const lines = linesLeft(sale, totals)
    .filter((l) => l.left > 0)
    .map((l) => refundLine(l, l.left));
  return withParts(sale, totals, lines, new Map());
}

function refundLine(l: LineLeft, qty: number): RefundPreview['lines'][number] {
  return { lineIndex: l.lineIndex, qty, amountFen: lineRefundFen(l.paidFen, l.line.qty, l.refunded, qty) };
}

/** The lines' total and the means it goes back by. */
function withParts(sale: Sale, totals: RefundTotals | null, lines: RefundPreview['lines'], problems: RefundPreview['problems']): RefundPreview {
  const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
  const parts = totalFen === 0 ? [] : refundParts(paymentsOf(sale), totals?.fenByMeans ?? {}, totalFen);
  return { lines, totalFen, parts, problems };
}
