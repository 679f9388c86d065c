import { discountAllowed, discountFen, DISCOUNT_LIMIT_PERCENT, lineGrossFen, priceSale, type Discount } from '../../../shared/domain/discounts';
import type { Role } from '../../../shared/domain/entities';
import { parseYuan, type Fen } from '../../../shared/domain/money';

/** A discount as typed: an amount in yuan, or a whole percentage. */
export interface DiscountDraft {
  kind: Discount['kind'];
  text: string;
}

export const emptyDiscount = (): DiscountDraft => ({ kind: 'amount', text: '' });

/** The typed discount (undefined: none), or 'invalid' when it cannot be read. */
export function parseDiscount(draft: DiscountDraft | undefined): Discount | undefined | 'invalid' {
  const text = draft?.text.normalize('NFKC').trim() ?? '';
  if (!draft || text === '') return undefined;
  if (draft.kind === 'amount') {
    const fen = parseYuan(text);
    if (fen === null || fen < 0) return 'invalid';
    return fen === 0 ? undefined : { kind: 'amount', fen };
  }
  // Full-width digits and ％ are plain after NFKC.
  const digits = text.replace(/%$/, '');
  const percent = Number(digits);
  if (!/^\d{1,3}$/.test(digits) || percent > 100) return 'invalid';
  return percent === 0 ? undefined : { kind: 'percent', percent };
}

export type DiscountProblem = { key: 'pay.discountInvalid' } | { key: 'pay.discountOverLimit'; params: { limit: number } };

/** What is wrong with one discount on `baseFen` for `role`, or null when it may be given. */
export function discountProblem(role: Role, baseFen: Fen, draft: DiscountDraft | undefined): DiscountProblem | null {
  const parsed = parseDiscount(draft);
  if (parsed === 'invalid') return { key: 'pay.discountInvalid' };
  // An amount past the base would only be cut down to it: say so rather than take less than was typed.
  if ((parsed?.kind === 'amount' && parsed.fen > baseFen) || !discountAllowed(role, baseFen, discountFen(baseFen, parsed))) {
    return { key: 'pay.discountOverLimit', params: { limit: DISCOUNT_LIMIT_PERCENT[role] } };
  }
  return null;
}

export interface PricedCart {
  subtotalFen: Fen;
  /** What the lines' and the sale's discounts take off together. */
  discountsFen: Fen;
  totalFen: Fen;
  /** The lines' totals after their own discounts: the sale's discount is a share of this. */
  linesFen: Fen;
  /** Some discount cannot be read or is more than the role may give: the sale waits. */
  blocked: boolean;
}

/**
 * The cart priced by the shared rules (priceSale), with each discount the
 * role may give; a discount it may not give (or cannot be read) counts as
 * none in the total and blocks the sale until it is put right.
 */
export function priceCart(
  role: Role,
  lines: readonly { unitPriceFen: Fen; qty: number; discount?: DiscountDraft | undefined }[],
  saleDiscount: DiscountDraft | undefined,
): PricedCart & { lineDiscounts: (Discount | undefined)[]; saleDiscount: Discount | undefined } {
  let blocked = false;
  const lineDiscounts = lines.map((l) => {
    if (discountProblem(role, lineGrossFen(l.unitPriceFen, l.qty), l.discount)) {
      blocked = true;
      return undefined;
    }
    return parseDiscount(l.discount) as Discount | undefined;
  });
  const discounted = lines.map((l, i) => ({ unitPriceFen: l.unitPriceFen, qty: l.qty, discount: lineDiscounts[i] }));
  const linesFen = priceSale(discounted, undefined).subtotalFen;
  let sale: Discount | undefined;
  if (discountProblem(role, linesFen, saleDiscount)) blocked = true;
  else sale = parseDiscount(saleDiscount) as Discount | undefined;
  const priced = priceSale(discounted, sale);
  const gross = lines.reduce((sum, l) => sum + lineGrossFen(l.unitPriceFen, l.qty), 0);
  return {
    subtotalFen: gross,
    discountsFen: gross - priced.totalFen,
    totalFen: priced.totalFen,
    linesFen,
    blocked,
    lineDiscounts,
    saleDiscount: sale,
  };
}
