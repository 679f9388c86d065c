import type { Fen } from './money';

/**
 * How a villager pays: cash, a mobile payment (the clerk types or scans its
 * reference; nothing here talks to a payment network), on credit against the
 * villager's ledger, or a mix of these.
 */
export const PAYMENT_MEANS = ['cash', 'wechat', 'alipay', 'credit'] as const;
export type PaymentMeans = (typeof PAYMENT_MEANS)[number];

/** One part of a payment. Mobile parts carry their reference; the others carry none. */
export interface PaymentPart {
  means: PaymentMeans;
  amountFen: Fen;
  reference?: string | undefined;
}

/**
 * What a mobile payment's reference may look like: the code on the villager's
 * payment screen (微信 18 digits from 10–15; 支付宝 16–24 digits from 25–30),
 * or the transaction number on the receipt the app shows (28 digits).
 */
const REFERENCE_SHAPES: Readonly<Record<'wechat' | 'alipay', RegExp>> = {
  wechat: /^(?:1[0-5]\d{16}|\d{28})$/,
  alipay: /^(?:(?:2[5-9]|30)\d{14,22}|\d{28})$/,
};

/** A reference as typed or scanned: spaces and dashes go, full-width digits count. */
export function normalisePaymentReference(text: string): string {
  return text.normalize('NFKC').replace(/[\s-]/g, '');
}

export function isPaymentReference(means: 'wechat' | 'alipay', reference: string): boolean {
  return REFERENCE_SHAPES[means].test(reference);
}

export type PaymentProblem = 'parts_total' | 'zero_part' | 'repeated_means' | 'reference' | 'short_cash' | 'credit_not_allowed';

export type PaymentOutcome = { ok: true; cashFen: Fen; changeFen: Fen } | { ok: false; problem: PaymentProblem };

/**
 * Checks a payment of `dueFen` split into `parts`, with `tenderedCashFen`
 * handed over for the cash part: every part positive, each means once,
 * mobile parts with a reference of their shape, parts summing to exactly
 * what is due, and enough cash for the cash part. The change is the cash
 * handed over less the cash part.
 */
export function settlePayment(dueFen: Fen, parts: readonly PaymentPart[], tenderedCashFen: Fen, creditAllowed = true): PaymentOutcome {
  const seen = new Set<PaymentMeans>();
  let sum = 0;
  let cashFen = 0;
  for (const part of parts) {
    if (!Number.isInteger(part.amountFen) || part.amountFen <= 0) return { ok: false, problem: 'zero_part' };
    if (seen.has(part.means)) return { ok: false, problem: 'repeated_means' };
    seen.add(part.means);
    if (part.means === 'credit' && !creditAllowed) return { ok: false, problem: 'credit_not_allowed' };
    if ((part.means === 'wechat' || part.means === 'alipay') !== (part.reference !== undefined)) return { ok: false, problem: 'reference' };
    if ((part.means === 'wechat' || part.means === 'alipay') && !isPaymentReference(part.means, part.reference!)) {
      return { ok: false, problem: 'reference' };
    }
    if (part.means === 'cash') cashFen = part.amountFen;
    sum += part.amountFen;
  }
  if (sum !== dueFen) return { ok: false, problem: 'parts_total' };
  const tendered = cashFen > 0 ? tenderedCashFen : 0;
  if (tendered < cashFen) return { ok: false, problem: 'short_cash' };
  return { ok: true, cashFen, changeFen: tendered - cashFen };
}

/** The amount paid by one means (0 when none). */
export function partOf(parts: readonly PaymentPart[], means: PaymentMeans): Fen {
  return parts.find((p) => p.means === means)?.amountFen ?? 0;
}

/** Quick cash buttons for `dueFen`: the next ¥10, ¥20, ¥50 and ¥100 at or above it, each once. */
export function quickCashAmounts(dueFen: Fen): Fen[] {
  const amounts: Fen[] = [];
  for (const note of [1000, 2000, 5000, 10000]) {
    const amount = Math.max(note, Math.ceil(dueFen / note) * note);
    if (amount > 0 && !amounts.includes(amount)) amounts.push(amount);
  }
  return amounts.sort((a, b) => a - b);
}
