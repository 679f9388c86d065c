import { deterministicId } from './deterministic-id';
import type { RowBase } from './entities';
import type { Fen } from './money';
import type { PaymentMeans, PaymentPart } from './payments';

/**
 * The counter's money rows besides sales: villagers' credit ledger,
 * repayments, refunds, and each staff member's till for the day.
 */

/** One movement of a villager's credit balance: + they owe more, − they owe less. Insert-only. */
export interface CreditEntry extends RowBase {
  customerId: string;
  deltaFen: Fen;
  source: 'sale' | 'repayment' | 'refund';
  /** The sale, repayment or refund that made it. */
  refId: string;
  deviceId: string;
}

/** A villager paying back what they owe (cash or mobile, never credit). Insert-only. */
export interface Repayment extends RowBase {
  customerId: string;
  receiptNo: string;
  amountFen: Fen;
  payments: PaymentPart[];
  tenderedFen: Fen;
  changeFen: Fen;
  deviceId: string;
}

export interface RefundLine {
  /** Index into the sale's lines. */
  lineIndex: number;
  qty: number;
  amountFen: Fen;
}

/** Money given back for a past sale, by line, by the sale's payment means. Insert-only. */
export interface Refund extends RowBase {
  saleId: string;
  receiptNo: string;
  lines: RefundLine[];
  payments: PaymentPart[];
  totalFen: Fen;
  reason: string;
  /** A same-day void by an admin: everything left of the sale. */
  voided: boolean;
  deviceId: string;
}

/** What was refunded of one sale so far (id = the sale's id): a refund never passes what was paid. */
export interface RefundTotals extends RowBase {
  qtyByLine: number[];
  fenByMeans: Partial<Record<PaymentMeans, Fen>>;
  voided: boolean;
}

/** A cash-up (Z report) of one till: counted once, with the PIN asked again. */
export interface CashUp {
  id: string;
  at: string;
  openingFloatFen: Fen;
  countedFen: Fen;
  expectedFen: Fen;
  /** Counted less expected: negative when cash is missing. */
  differenceFen: Fen;
  note: string;
}

/** One staff member's cash on one business day (id = tillIdFor). */
export interface Till extends RowBase {
  staffId: string;
  /** YYYY-MM-DD in the centre's time (businessDayOf). */
  day: string;
  /** Cash kept from sales, repayments and deposits (change already given back). */
  cashInFen: Fen;
  /** Cash given back by refunds. */
  cashOutFen: Fen;
  cashUp: CashUp | null;
}

/** Centres keep China Standard Time (UTC+8, no daylight saving): a business day runs midnight to midnight there. */
const CENTRE_OFFSET_MS = 8 * 60 * 60 * 1000;

export function businessDayOf(iso: string): string {
  return new Date(Date.parse(iso) + CENTRE_OFFSET_MS).toISOString().slice(0, 10);
}

/** A business day (YYYY-MM-DD) as UTC ISO bounds [from, to). */
export function businessDayBounds(day: string): { from: string; to: string } {
  const start = Date.parse(`${day}T00:00:00.000Z`) - CENTRE_OFFSET_MS;
  return { from: new Date(start).toISOString(), to: new Date(start + 24 * 60 * 60 * 1000).toISOString() };
}

export function tillIdFor(staffId: string, day: string): string {
  return deterministicId('till', `${staffId}/${day}`);
}

/** The credit entry a sale, repayment or refund makes: one each, so its id comes from theirs. */
export function creditEntryIdFor(refId: string): string {
  return deterministicId('credit', refId);
}

/** Cash the drawer should hold: the float, plus cash taken, less cash given back. */
export function expectedCash(till: Pick<Till, 'cashInFen' | 'cashOutFen'>, openingFloatFen: Fen): Fen {
  return openingFloatFen + till.cashInFen - till.cashOutFen;
}
