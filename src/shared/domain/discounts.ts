import type { Role } from './entities';
import type { Fen } from './money';

/** A discount on a line or on the whole sale: an amount in fen, or a whole percentage. */
export type Discount = { kind: 'amount'; fen: Fen } | { kind: 'percent'; percent: number };

/** The largest discount each role may give, as a share of what it discounts, in percent. */
export const DISCOUNT_LIMIT_PERCENT: Readonly<Record<Role, number>> = { admin: 100, clerk: 10, trainer: 0 };

/** What `discount` takes off `baseFen`, rounded down to the fen (never more than the base). */
export function discountFen(baseFen: Fen, discount: Discount | undefined): Fen {
  if (!discount) return 0;
  const off = discount.kind === 'amount' ? discount.fen : Math.floor((baseFen * discount.percent) / 100);
  return Math.min(baseFen, Math.max(0, off));
}

/** Whether `role` may take `offFen` off `baseFen`: within its share, compared in whole fen. */
export function discountAllowed(role: Role, baseFen: Fen, offFen: Fen): boolean {
  return offFen * 100 <= baseFen * DISCOUNT_LIMIT_PERCENT[role];
}

/**
 * A line's price before discounts: unit price times quantity, rounded to the
 * fen (2.345 kg at ¥3.99 is ¥9.36). Server and tablet both price with this.
 */
export function lineGrossFen(unitPriceFen: Fen, qty: number): Fen {
  return Math.round(unitPriceFen * qty);
}

export interface PricedLine {
  lineTotalFen: Fen;
  discountFen: Fen;
}

/**
 * Line totals after each line's discount, then the sale's total after the
 * sale's discount. Integer fen throughout.
 */
export function priceSale(
  lines: readonly { unitPriceFen: Fen; qty: number; discount?: Discount | undefined }[],
  saleDiscount: Discount | undefined,
): { lines: PricedLine[]; subtotalFen: Fen; saleDiscountFen: Fen; totalFen: Fen } {
  const priced = lines.map((l) => {
    const gross = lineGrossFen(l.unitPriceFen, l.qty);
    const off = discountFen(gross, l.discount);
    return { lineTotalFen: gross - off, discountFen: off };
  });
  const subtotalFen = priced.reduce((sum, l) => sum + l.lineTotalFen, 0);
  const saleDiscountFen = discountFen(subtotalFen, saleDiscount);
  return { lines: priced, subtotalFen, saleDiscountFen, totalFen: subtotalFen - saleDiscountFen };
}
