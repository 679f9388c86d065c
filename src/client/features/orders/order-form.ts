import { MAX_FEN, parseYuan, type Fen } from '../../../shared/domain/money';
import { ORDER_LIMITS, orderTotal } from '../../../shared/domain/orders';
import type { OrderInput } from '../../data/commands/order-create';

export interface LineDraft {
  /** Stable key for the list while lines are added and removed. */
  key: number;
  name: string;
  qty: string;
  price: string;
}

/** What the person typed, exactly as in the inputs. */
export interface OrderDraft {
  customerId: string | null;
  platformId: string | null;
  platformOrderNo: string;
  lines: LineDraft[];
  deliveryFee: string;
  serviceFee: string;
  deposit: string;
}

export type OrderField = 'customer' | 'platform' | 'platformOrderNo' | 'lines' | 'deliveryFee' | 'serviceFee' | 'deposit';
export type LineField = 'name' | 'qty' | 'price';
export interface OrderErrors {
  fields: { [F in OrderField]?: string };
  /** Per line key: field -> i18n key. */
  lines: Record<number, { [F in LineField]?: string }>;
}

let nextKey = 1;
export function emptyLine(): LineDraft {
  return { key: nextKey++, name: '', qty: '1', price: '' };
}

export function emptyOrderDraft(customerId: string | null = null): OrderDraft {
  return { customerId, platformId: null, platformOrderNo: '', lines: [emptyLine()], deliveryFee: '', serviceFee: '', deposit: '' };
}

/** Full-width digits and punctuation from a Chinese keyboard read as their ASCII selves. */
export function halfWidth(text: string): string {
  return text.normalize('NFKC');
}

/** A whole quantity 1–999 as typed (full-width digits too); null otherwise. */
export function parseQty(text: string): number | null {
  const trimmed = halfWidth(text).trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= 1 && n <= ORDER_LIMITS.lineQtyMax ? n : null;
}

/** Yuan as typed (full-width too) into fen, 0 for an empty field; null when it is not an amount. */
export function parseFee(text: string): Fen | null {
  if (halfWidth(text).trim() === '') return 0;
  const fen = parseYuan(halfWidth(text));
  return fen === null || fen < 0 || fen > MAX_FEN ? null : fen;
}

/** Σ qty × unit price + delivery + service: the shared sum the mutation checks (`bad_total`). */
function orderTotalFen(lines: { qty: number; unitPriceFen: Fen }[], deliveryFeeFen: Fen, serviceFeeFen: Fen): Fen {
  return orderTotal({ lines: lines.map((l) => ({ name: '', ...l })), deliveryFeeFen, serviceFeeFen });
}

/** The total as far as it can be read while typing: unreadable fields count as 0. */
export function draftTotalFen(draft: OrderDraft): Fen {
  const lines = draft.lines.map((l) => ({ qty: parseQty(l.qty) ?? 0, unitPriceFen: parseFee(l.price) ?? 0 }));
  return orderTotalFen(lines, parseFee(draft.deliveryFee) ?? 0, parseFee(draft.serviceFee) ?? 0);
}

/**
 * Checks a draft the way the order schema will, with messages a person
 * understands; turns yuan text into integer fen and works out the total.
 */
export function validateOrderDraft(draft: OrderDraft): { ok: true; input: Omit<OrderInput, 'status'> } | { ok: false; errors: OrderErrors } {
  const errors: OrderErrors = { fields: {}, lines: {} };
  if (!draft.customerId) errors.fields.customer = 'orders.errors.customerRequired';
  if (!draft.platformId) errors.fields.platform = 'orders.errors.platformRequired';
  const platformOrderNo = halfWidth(draft.platformOrderNo).trim();
  if (platformOrderNo.length > ORDER_LIMITS.platformOrderNo) errors.fields.platformOrderNo = 'orders.errors.orderNoTooLong';

  const filled = draft.lines.filter((l) => l.name.trim() !== '' || l.price.trim() !== '');
  if (filled.length === 0) errors.fields.lines = 'orders.errors.linesRequired';
  if (filled.length > ORDER_LIMITS.linesMax) errors.fields.lines = 'orders.errors.tooManyLines';
  const lines = filled.map((l) => {
    const lineErrors: { [F in LineField]?: string } = {};
    const name = l.name.trim();
    if (name === '') lineErrors.name = 'orders.errors.lineNameRequired';
    else if (name.length > ORDER_LIMITS.lineName) lineErrors.name = 'orders.errors.lineNameTooLong';
    const qty = parseQty(l.qty);
    if (qty === null) lineErrors.qty = 'orders.errors.qtyInvalid';
    const unitPriceFen = l.price.trim() === '' ? null : parseFee(l.price);
    if (unitPriceFen === null) lineErrors.price = 'orders.errors.priceInvalid';
    if (Object.keys(lineErrors).length > 0) errors.lines[l.key] = lineErrors;
    return { name, qty: qty ?? 0, unitPriceFen: unitPriceFen ?? 0 };
  });

  const deliveryFeeFen = parseFee(draft.deliveryFee);
  if (deliveryFeeFen === null) errors.fields.deliveryFee = 'orders.errors.amountInvalid';
  const serviceFeeFen = parseFee(draft.serviceFee);
  if (serviceFeeFen === null) errors.fields.serviceFee = 'orders.errors.amountInvalid';
  const depositFen = parseFee(draft.deposit);
  if (depositFen === null) errors.fields.deposit = 'orders.errors.amountInvalid';
  const totalFen = orderTotalFen(lines, deliveryFeeFen ?? 0, serviceFeeFen ?? 0);
  if (totalFen > MAX_FEN) errors.fields.lines = 'orders.errors.totalTooLarge';
  if (depositFen !== null && depositFen > totalFen) errors.fields.deposit = 'orders.errors.depositAboveTotal';

  if (Object.keys(errors.fields).length > 0 || Object.keys(errors.lines).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      customerId: draft.customerId!,
      platformId: draft.platformId!,
      platformOrderNo,
      lines,
      deliveryFeeFen: deliveryFeeFen!,
      serviceFeeFen: serviceFeeFen!,
      depositFen: depositFen!,
    },
  };
}
