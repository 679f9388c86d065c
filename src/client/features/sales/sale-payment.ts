import { parseYuan, type Fen } from '../../../shared/domain/money';
import {
  isPaymentReference,
  normalisePaymentReference,
  partOf,
  PAYMENT_MEANS,
  settlePayment,
  type PaymentMeans,
  type PaymentPart,
} from '../../../shared/domain/payments';
import type { Message } from '../../ui/useSaveOnce';

/** How the sale is paid: one means for all of it, or a mix of parts. */
export type PayMode = PaymentMeans | 'mixed';
export const PAY_MODES: readonly PayMode[] = [...PAYMENT_MEANS, 'mixed'];

type MobileMeans = 'wechat' | 'alipay';

export interface SalePaymentDraft {
  mode: PayMode;
  /** Cash handed over, as typed. */
  tendered: string;
  /** Each mobile payment's reference, as typed or scanned. */
  references: Record<MobileMeans, string>;
  /** The villager a credit part goes to. */
  customerId: string | null;
  /** In a mix, each means' part as typed ('' for a means not used). */
  amounts: Record<PaymentMeans, string>;
}

export const emptySalePayment = (): SalePaymentDraft => ({
  mode: 'cash',
  tendered: '',
  references: { wechat: '', alipay: '' },
  customerId: null,
  amounts: { cash: '', wechat: '', alipay: '', credit: '' },
});

export type SalePaymentCheck =
  | { ok: true; payments: PaymentPart[] | undefined; tenderedFen: Fen; changeFen: Fen; creditFen: Fen; remainingFen: 0 }
  | { ok: false; message: Message | null; creditFen: Fen; remainingFen: Fen };

const isMobile = (means: PaymentMeans): means is MobileMeans => means === 'wechat' || means === 'alipay';

/** The parts the draft names for `dueFen`, or why they cannot be read. */
function partsOf(draft: SalePaymentDraft, dueFen: Fen): { parts: PaymentPart[] } | { message: Message } {
  if (draft.mode !== 'mixed') return { parts: [{ means: draft.mode, amountFen: dueFen }] };
  const parts: PaymentPart[] = [];
  for (const means of PAYMENT_MEANS) {
    const text = draft.amounts[means];
    if (text.trim() === '') continue;
    const fen = parseYuan(text);
    if (fen === null || fen < 0) return { message: { key: 'pay.amountInvalid' } };
    if (fen > 0) parts.push({ means, amountFen: fen });
  }
  return { parts };
}

/**
 * What the draft pays for `dueFen`, or why it cannot yet (message null:
 * something is still to be typed or picked, and the screen says what). The
 * change is only ever the cash part's; a mix's cash left blank means the cash
 * part handed over exactly.
 */
export function checkSalePayment(draft: SalePaymentDraft, dueFen: Fen): SalePaymentCheck {
  const wait = (message: Message | null, creditFen = 0, remainingFen = 0): SalePaymentCheck => ({ ok: false, message, creditFen, remainingFen });
  if (dueFen === 0) return { ok: true, payments: undefined, tenderedFen: 0, changeFen: 0, creditFen: 0, remainingFen: 0 };

  const read = partsOf(draft, dueFen);
  if ('message' in read) return wait(read.message);
  const parts = read.parts;
  const creditFen = partOf(parts, 'credit');
  const sum = parts.reduce((total, p) => total + p.amountFen, 0);
  if (sum > dueFen) return wait({ key: 'pay.overDue', params: { over: sum - dueFen } }, creditFen, dueFen - sum);

  // Mobile references, in the order the parts show.
  for (const part of parts) {
    if (!isMobile(part.means)) continue;
    const reference = normalisePaymentReference(draft.references[part.means]);
    if (reference === '') return wait(null, creditFen, dueFen - sum);
    if (!isPaymentReference(part.means, reference)) return wait({ key: 'payment.referenceInvalid' }, creditFen, dueFen - sum);
    part.reference = reference;
  }

  const cashFen = partOf(parts, 'cash');
  let tenderedFen = 0;
  if (cashFen > 0) {
    const blank = draft.tendered.trim() === '';
    // One means for all: cash must be typed (or a quick button). In a mix, blank is the exact cash part.
    if (blank && draft.mode === 'cash') return wait(null, creditFen, dueFen - sum);
    const tendered = blank ? cashFen : parseYuan(draft.tendered);
    if (tendered === null || tendered < 0) return wait({ key: 'sell.tenderInvalid' }, creditFen, dueFen - sum);
    if (tendered < cashFen) return wait({ key: 'sell.tenderShort', params: { missing: cashFen - tendered } }, creditFen, dueFen - sum);
    tenderedFen = tendered;
  }
  if (sum < dueFen) return wait(null, creditFen, dueFen - sum);
  if (creditFen > 0 && draft.customerId === null) return wait(null, creditFen, 0);

  const outcome = settlePayment(dueFen, parts, tenderedFen);
  if (!outcome.ok) return wait({ key: 'refusal.invalid_payment' }, creditFen, 0);
  // A sale all in cash keeps the row cash sales always had (no parts).
  const allCash = parts.length === 1 && parts[0]!.means === 'cash';
  return { ok: true, payments: allCash ? undefined : parts, tenderedFen, changeFen: outcome.changeFen, creditFen, remainingFen: 0 };
}

/**
 * Whether a credit part needs an admin: it takes the villager's balance past
 * the centre's limit (what they already owe above it counts too).
 */
export function creditNeedsAdmin(balanceFen: Fen, creditFen: Fen, limitFen: Fen): boolean {
  return creditFen > 0 && balanceFen + creditFen > limitFen;
}
