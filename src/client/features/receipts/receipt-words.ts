import type { TFunction } from 'i18next';
import type { Formatters } from '../../ui/format';
import type { ReceiptDoc, ReceiptLine, ReceiptNote, ReceiptSum } from './receipt-doc';

/**
 * The words of a receipt in the tablet's language, the same for the screen,
 * the printout and the image drawn for sharing.
 */
export interface ReceiptWords {
  centreName: string;
  title: string;
  phone: string;
  number: string;
  at: string;
  staff: string;
  villager: string;
  notes: string[];
  lines: { name: string; detail: string; discount: string; total: string }[];
  sums: { label: string; amount: string; main: boolean; key: ReceiptSum['label'] }[];
  paymentsHead: string;
  payments: { means: string; reference: string; amount: string; key: string }[];
  /** Cash handed over and the change, when cash was paid. */
  cash: { key: 'tendered' | 'change'; label: string; amount: string }[];
  qrLabel: string;
  thanks: string;
}

/** Digits, money and phones kept left to right inside Uyghur sentences (an isolate, as <bdi dir="ltr"> would). */
export const ltr = (text: string) => `\u2066${text}\u2069`;

/** An amount with its sign, as a difference or a ledger movement reads: +¥1.00, −¥1.00, ¥0.00. */
export function signedMoney(fen: number, fmt: Pick<Formatters, 'money'>): string {
  return `${fen > 0 ? '+' : fen < 0 ? '−' : ''}${fmt.money(Math.abs(fen))}`;
}

function noteText(t: TFunction, note: ReceiptNote): string {
  switch (note.key) {
    case 'forSale':
      return t('receipts.forSale', { receiptNo: ltr(note.receiptNo) });
    case 'reason':
      return t('receipts.reason', { reason: note.reason });
    case 'voided':
      return t('receipts.voided');
    case 'platformOrder':
      return t('receipts.platformOrder', { no: note.no });
  }
}

function lineDetail(t: TFunction, fmt: Formatters, line: ReceiptLine): string {
  // An order's lines have no unit: no double space where it would be.
  return t('receipts.lineQty', { qty: ltr(fmt.number(line.qty)), unit: line.unit, price: ltr(fmt.money(line.unitPriceFen)) }).replace(/\s{2,}/g, ' ');
}

export function receiptWords(doc: ReceiptDoc, t: TFunction, fmt: Formatters): ReceiptWords {
  return {
    centreName: doc.centreName,
    title: t(`receipts.kind.${doc.kind}`),
    phone: doc.centrePhone ? t('receipts.phone', { phone: ltr(doc.centrePhone) }) : '',
    number: doc.receiptNo,
    at: fmt.dateTime(doc.at),
    staff: doc.staffName ? t('receipts.staff', { name: doc.staffName }) : '',
    villager: doc.villagerName ? t('receipts.villager', { name: doc.villagerName }) : '',
    notes: doc.notes.map((note) => noteText(t, note)),
    lines: doc.lines.map((line) => ({
      name: line.name,
      detail: lineDetail(t, fmt, line),
      discount: line.discountFen > 0 ? t('receipts.lineDiscount', { amount: ltr(fmt.money(line.discountFen)) }) : '',
      total: fmt.money(line.totalFen),
    })),
    sums: doc.sums.map((sum) => ({
      key: sum.label,
      label: t(`receipts.${sum.label}`),
      amount: `${sum.minus ? '−' : ''}${fmt.money(sum.fen)}`,
      main: sum.main === true,
    })),
    paymentsHead: doc.payments.length === 0 ? '' : t(doc.kind === 'refund' ? 'receipts.paidBackBy' : 'receipts.paidBy'),
    payments: doc.payments.map((part) => ({
      key: part.means,
      means: t(`receipts.means.${part.means}`),
      reference: part.reference ? t('receipts.reference', { reference: ltr(part.reference) }) : '',
      amount: fmt.money(part.amountFen),
    })),
    cash: doc.cash
      ? [
          { key: 'tendered', label: t('receipts.tendered'), amount: fmt.money(doc.cash.tenderedFen) },
          { key: 'change', label: t('receipts.change'), amount: fmt.money(doc.cash.changeFen) },
        ]
      : [],
    qrLabel: t('receipts.qrLabel', { id: doc.id }),
    thanks: t('receipts.thanks'),
  };
}
