import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/domain/ids';
import { isRowOf } from '../../src/shared/protocol/replies';
import { parseDiscount, priceCart } from '../../src/client/features/sales/sale-discounts';
import { checkSalePayment, creditNeedsAdmin, emptySalePayment, type SalePaymentDraft } from '../../src/client/features/sales/sale-payment';

const draft = (patch: Partial<SalePaymentDraft>): SalePaymentDraft => ({ ...emptySalePayment(), ...patch });
const mix = (amounts: Partial<SalePaymentDraft['amounts']>, patch: Partial<SalePaymentDraft> = {}): SalePaymentDraft =>
  draft({ mode: 'mixed', amounts: { ...emptySalePayment().amounts, ...amounts }, ...patch });

describe('a sale\'s payment as the sell screen reads it', () => {
  it('cash alone waits for the cash handed over, and keeps the row of a cash sale (no parts)', () => {
    expect(checkSalePayment(draft({}), 7100)).toMatchObject({ ok: false, message: null });
    expect(checkSalePayment(draft({ tendered: '50' }), 7100)).toMatchObject({ ok: false, message: { key: 'sell.tenderShort', params: { missing: 2100 } } });
    expect(checkSalePayment(draft({ tendered: '１００' }), 7100)).toEqual({ ok: true, payments: undefined, tenderedFen: 10000, changeFen: 2900, creditFen: 0, remainingFen: 0 });
  });

  it('a mix of cash and credit: what is still due, change for the cash part only, and the villager it needs', () => {
    expect(checkSalePayment(mix({ cash: '20' }), 7100)).toMatchObject({ ok: false, remainingFen: 5100 });
    expect(checkSalePayment(mix({ cash: '20', credit: '51' }), 7100)).toMatchObject({ ok: false, message: null, creditFen: 5100 });
    const paid = checkSalePayment(mix({ cash: '20', credit: '51' }, { customerId: 'v1', tendered: '50' }), 7100);
    expect(paid).toEqual({
      ok: true,
      payments: [{ means: 'cash', amountFen: 2000 }, { means: 'credit', amountFen: 5100 }],
      tenderedFen: 5000,
      changeFen: 3000,
      creditFen: 5100,
      remainingFen: 0,
    });
    // Cash left blank in a mix is the cash part handed over exactly.
    expect(checkSalePayment(mix({ cash: '20', credit: '51' }, { customerId: 'v1' }), 7100)).toMatchObject({ ok: true, tenderedFen: 2000, changeFen: 0 });
    expect(checkSalePayment(mix({ cash: '60', wechat: '20' }), 7100)).toMatchObject({ ok: false, message: { key: 'pay.overDue', params: { over: 900 } } });
    expect(checkSalePayment(mix({ cash: 'abc' }), 7100)).toMatchObject({ ok: false, message: { key: 'pay.amountInvalid' } });
  });

  it('a mobile part carries its reference, checked for its shape', () => {
    expect(checkSalePayment(draft({ mode: 'alipay', references: { wechat: '', alipay: '123' } }), 500)).toMatchObject({ ok: false, message: { key: 'payment.referenceInvalid' } });
    expect(checkSalePayment(draft({ mode: 'alipay', references: { wechat: '', alipay: '2888 8888 8888 8888' } }), 500)).toMatchObject({
      ok: true,
      payments: [{ means: 'alipay', amountFen: 500, reference: '2888888888888888' }],
    });
  });

  it('a credit part needs an admin only when it takes the balance past the limit', () => {
    expect(creditNeedsAdmin(40_000, 10_000, 50_000)).toBe(false);
    expect(creditNeedsAdmin(40_000, 10_001, 50_000)).toBe(true);
    expect(creditNeedsAdmin(60_000, 0, 50_000)).toBe(false);
  });
});

describe('discounts as typed', () => {
  it('reads amounts and whole percentages, and nothing else', () => {
    expect(parseDiscount({ kind: 'amount', text: '5.5' })).toEqual({ kind: 'amount', fen: 550 });
    expect(parseDiscount({ kind: 'percent', text: '１０%' })).toEqual({ kind: 'percent', percent: 10 });
    expect(parseDiscount({ kind: 'percent', text: '12.5' })).toBe('invalid');
    expect(parseDiscount({ kind: 'percent', text: '101' })).toBe('invalid');
    expect(parseDiscount({ kind: 'amount', text: '' })).toBeUndefined();
  });

  it('prices the cart with the shared rules; one over the role\'s limit counts as none and blocks the sale', () => {
    const lines = [{ unitPriceFen: 3550, qty: 2, discount: { kind: 'amount' as const, text: '1' } }, { unitPriceFen: 1000, qty: 1 }];
    const within = priceCart('clerk', lines, { kind: 'percent', text: '10' });
    // 71.00 − 1.00 + 10.00 = 80.00; 10% of that off.
    expect(within).toMatchObject({ subtotalFen: 8100, totalFen: 7200, discountsFen: 900, blocked: false });
    const over = priceCart('clerk', lines, { kind: 'percent', text: '11' });
    expect(over).toMatchObject({ totalFen: 8000, blocked: true });
    expect(priceCart('admin', lines, { kind: 'percent', text: '100' })).toMatchObject({ totalFen: 0, blocked: false });
  });
});

describe('a credit sale an admin let pass the limit', () => {
  it('comes back from a pull naming the admin by id, and by nothing else', () => {
    const base = { id: uuidv7(), centreId: uuidv7(), createdAt: '2026-12-01T08:00:00.000Z', updatedAt: '2026-12-01T08:00:00.000Z', createdBy: uuidv7() };
    const line = { productId: uuidv7(), names: { 'zh-CN': '大米' }, unit: '袋', unitPriceFen: 3550, qty: 1, lineTotalFen: 3550 };
    const payments = [{ means: 'credit', amountFen: 3550 }];
    const sale = { ...base, receiptNo: 'A-2', lines: [line], totalFen: 3550, tenderedFen: 0, changeFen: 0, payment: 'credit', channel: 'counter', deviceId: uuidv7(), payments, customerId: uuidv7() };
    expect(isRowOf('sales', { ...sale, creditApprovedBy: uuidv7() })).toBe(true);
    expect(isRowOf('sales', { ...sale, creditApprovedBy: 'an admin' })).toBe(false);
  });
});
