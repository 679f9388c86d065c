import { businessDayOf } from './counter';
import type { Sale } from './entities';
import type { Fen } from './money';
import type { PaymentMeans, PaymentPart } from './payments';
import { addQuantities, toThousandths } from './quantity';

/** A sale's payment parts; sales from before mixed payments were paid in cash. */
export function paymentsOf(sale: Pick<Sale, 'totalFen'> & { payments?: PaymentPart[] | undefined }): PaymentPart[] {
  return sale.payments ?? [{ means: 'cash', amountFen: sale.totalFen }];
}

/**
 * What each line of a sale was paid: its total after its own discount, less
 * its share of the sale's discount (shares in proportion, the fen left over
 * going to the lines with the largest remainders, then the first). The lines
 * add up to the sale's total exactly.
 */
export function paidByLine(sale: Pick<Sale, 'lines' | 'totalFen'>): Fen[] {
  const totals = sale.lines.map((l) => l.lineTotalFen);
  const subtotal = totals.reduce((sum, t) => sum + t, 0);
  const saleDiscount = subtotal - sale.totalFen;
  if (saleDiscount <= 0 || subtotal === 0) return totals;
  const shares = totals.map((t) => Math.floor((t * saleDiscount) / subtotal));
  let left = saleDiscount - shares.reduce((sum, s) => sum + s, 0);
  const byRemainder = totals
    .map((t, i) => ({ i, remainder: (t * saleDiscount) % subtotal }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return totals.map((t, i) => t - shares[i]!);
}

/**
 * What refunding `qty` more of a line pays back, when `before` were refunded
 * already: the difference of two proportional floors, so refunding a line
 * piece by piece gives back exactly what it was paid, never a fen more.
 * Quantities may be weights (three decimals): the shares are taken in
 * thousandths, as exact integers, so 0.1 kg and 0.2 kg refunded add up.
 */
export function lineRefundFen(paidFen: Fen, lineQty: number, before: number, qty: number): Fen {
  const paid = BigInt(paidFen);
  const whole = BigInt(toThousandths(lineQty));
  const upTo = (q: number) => (paid * BigInt(q)) / whole;
  const done = toThousandths(before);
  return Number(upTo(done + toThousandths(qty)) - upTo(done));
}

/** What is left to refund of each line, given what was refunded of it (exact in thousandths: 0.3 kg less 0.1 kg leaves 0.2 kg). */
export function qtyLeftByLine(sale: Pick<Sale, 'lines'>, refundedByLine: readonly number[] | undefined): number[] {
  return sale.lines.map((line, i) => addQuantities(line.qty, -(refundedByLine?.[i] ?? 0)));
}

/** A void is for the sale's own business day only, in the centre's time. */
export function voidInTime(sale: Pick<Sale, 'createdAt'>, nowIso: string): boolean {
  return businessDayOf(sale.createdAt) === businessDayOf(nowIso);
}

/** Refunds go back to the credit ledger first, then the mobile payments, then cash. */
const REFUND_ORDER: readonly PaymentMeans[] = ['credit', 'wechat', 'alipay', 'cash'];

/**
 * Splits `amountFen` over the means the sale was paid by, each up to what it
 * paid less what was refunded by it already. Null when they cannot hold it
 * (which the line rule above never lets happen).
 */
export function refundParts(paid: readonly PaymentPart[], refundedByMeans: Partial<Record<PaymentMeans, Fen>>, amountFen: Fen): PaymentPart[] | null {
  const parts: PaymentPart[] = [];
  let left = amountFen;
  for (const means of REFUND_ORDER) {
    const part = paid.find((p) => p.means === means);
    if (!part || left === 0) continue;
    const room = part.amountFen - (refundedByMeans[means] ?? 0);
    const take = Math.min(room, left);
    if (take <= 0) continue;
    parts.push(part.reference === undefined ? { means, amountFen: take } : { means, amountFen: take, reference: part.reference });
    left -= take;
  }
  return left === 0 ? parts : null;
}
