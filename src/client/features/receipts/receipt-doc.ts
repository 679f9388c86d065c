import type { Refund, Repayment } from '../../../shared/domain/counter';
import { nameIn, type Language, type LocalizedName, type Sale, type SaleLine } from '../../../shared/domain/entities';
import type { Fen } from '../../../shared/domain/money';
import type { Order } from '../../../shared/domain/orders';
import type { PaymentPart } from '../../../shared/domain/payments';
import { paymentsOf } from '../../../shared/domain/refund-rules';
import { unitNamesOf } from '../../../shared/domain/units';

/**
 * One receipt, whatever made it (a sale, a refund, a repayment, an order's
 * deposit), with every name already in the tablet's language: the screen,
 * the printout and the shared image all draw this.
 */
export type ReceiptKind = 'sale' | 'refund' | 'repayment' | 'deposit';

export interface ReceiptLine {
  name: string;
  qty: number;
  unit: string;
  unitPriceFen: Fen;
  /** After the line's discount. */
  totalFen: Fen;
  discountFen: Fen;
}

/** A labelled amount below the lines (subtotal, discount, deposit…): the label is a `receipts.` key. */
export interface ReceiptSum {
  label: 'subtotal' | 'saleDiscount' | 'total' | 'refunded' | 'repaid' | 'orderTotal' | 'deposit' | 'stillToPay';
  fen: Fen;
  /** An amount taken off: printed with a minus. */
  minus?: boolean;
  /** The receipt's main figure: printed large. */
  main?: boolean;
}

export interface ReceiptDoc {
  kind: ReceiptKind;
  /** The row's id: what the QR code holds. */
  id: string;
  receiptNo: string;
  at: string;
  centreName: string;
  centrePhone: string;
  staffName: string;
  villagerName: string;
  /** Extra lines under the head: the sale a refund is for, its reason, an order's number. */
  notes: ReceiptNote[];
  lines: ReceiptLine[];
  sums: ReceiptSum[];
  /** How it was paid, or (for a refund) given back. */
  payments: PaymentPart[];
  /** Cash handed over and change, when a cash part was paid. */
  cash: { tenderedFen: Fen; changeFen: Fen } | null;
}

export type ReceiptNote = { key: 'forSale'; receiptNo: string } | { key: 'reason'; reason: string } | { key: 'voided' } | { key: 'platformOrder'; no: string };

/** Who and where, resolved by the screen before building a receipt. */
export interface ReceiptContext {
  lang: Language;
  centreName: LocalizedName;
  centrePhone: string;
  staffName: string;
  villagerName: string;
}

/** A unit in the tablet's language: the line's unit names, else a known unit's names, else the unit as typed. */
export function unitIn(line: Pick<SaleLine, 'unit' | 'unitNames'>, lang: Language): string {
  return nameIn(unitNamesOf(line), lang) || line.unit;
}

function head(kind: ReceiptKind, id: string, receiptNo: string, at: string, ctx: ReceiptContext) {
  return {
    kind,
    id,
    receiptNo,
    at,
    centreName: nameIn(ctx.centreName, ctx.lang),
    centrePhone: ctx.centrePhone,
    staffName: ctx.staffName,
    villagerName: ctx.villagerName,
  };
}

function saleLine(line: SaleLine, lang: Language, qty = line.qty, totalFen = line.lineTotalFen): ReceiptLine {
  return {
    name: nameIn(line.names, lang),
    qty,
    unit: unitIn(line, lang),
    unitPriceFen: line.unitPriceFen,
    totalFen,
    discountFen: qty === line.qty ? (line.discountFen ?? 0) : 0,
  };
}

function cashOf(payments: readonly PaymentPart[], tenderedFen: Fen, changeFen: Fen): ReceiptDoc['cash'] {
  return payments.some((p) => p.means === 'cash') ? { tenderedFen, changeFen } : null;
}

export function saleReceipt(sale: Sale, ctx: ReceiptContext): ReceiptDoc {
  const lines = sale.lines.map((line) => saleLine(line, ctx.lang));
  const saleDiscount = sale.discountFen ?? 0;
  const sums: ReceiptSum[] = [];
  if (saleDiscount > 0) {
    sums.push({ label: 'subtotal', fen: sale.totalFen + saleDiscount });
    sums.push({ label: 'saleDiscount', fen: saleDiscount, minus: true });
  }
  sums.push({ label: 'total', fen: sale.totalFen, main: true });
  const payments = paymentsOf(sale);
  return { ...head('sale', sale.id, sale.receiptNo, sale.createdAt, ctx), notes: [], lines, sums, payments, cash: cashOf(payments, sale.tenderedFen, sale.changeFen) };
}

/** A refund's lines are the sale's lines it gave back, at what was refunded for them. */
export function refundReceipt(refund: Refund, sale: Sale | null, ctx: ReceiptContext): ReceiptDoc {
  const lines = sale
    ? refund.lines.flatMap((r) => {
        const line = sale.lines[r.lineIndex];
        return line ? [{ ...saleLine(line, ctx.lang, r.qty, r.amountFen), unitPriceFen: line.unitPriceFen }] : [];
      })
    : [];
  const notes: ReceiptNote[] = [];
  if (sale) notes.push({ key: 'forSale', receiptNo: sale.receiptNo });
  if (refund.voided) notes.push({ key: 'voided' });
  if (refund.reason.trim()) notes.push({ key: 'reason', reason: refund.reason.trim() });
  return {
    ...head('refund', refund.id, refund.receiptNo, refund.createdAt, ctx),
    notes,
    lines,
    sums: [{ label: 'refunded', fen: refund.totalFen, main: true }],
    payments: refund.payments,
    cash: null,
  };
}

export function repaymentReceipt(repayment: Repayment, ctx: ReceiptContext): ReceiptDoc {
  return {
    ...head('repayment', repayment.id, repayment.receiptNo, repayment.createdAt, ctx),
    notes: [],
    lines: [],
    sums: [{ label: 'repaid', fen: repayment.amountFen, main: true }],
    payments: repayment.payments,
    cash: cashOf(repayment.payments, repayment.tenderedFen, repayment.changeFen),
  };
}

/**
 * An order's deposit, taken when it was placed: the order keeps no means
 * for it, so the receipt shows the amount against the order's total.
 */
export function depositReceipt(order: Order, ctx: ReceiptContext): ReceiptDoc {
  const lines: ReceiptLine[] = order.lines.map((l) => ({ name: l.name, qty: l.qty, unit: '', unitPriceFen: l.unitPriceFen, totalFen: l.qty * l.unitPriceFen, discountFen: 0 }));
  return {
    ...head('deposit', order.id, '', order.createdAt, ctx),
    notes: order.platformOrderNo ? [{ key: 'platformOrder', no: order.platformOrderNo }] : [],
    lines,
    sums: [
      { label: 'orderTotal', fen: order.totalFen },
      { label: 'deposit', fen: order.depositFen, main: true },
      { label: 'stillToPay', fen: order.totalFen - order.depositFen },
    ],
    payments: [],
    cash: null,
  };
}
