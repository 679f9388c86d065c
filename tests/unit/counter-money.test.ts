import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDayOf, expectedCash } from '../../src/shared/domain/counter';
import { creditBalance } from '../../src/shared/domain/credit-balance';
import { discountAllowed, discountFen, priceSale } from '../../src/shared/domain/discounts';
import { isPaymentReference, normalisePaymentReference, quickCashAmounts, settlePayment, type PaymentPart } from '../../src/shared/domain/payments';
import { lineRefundFen, paidByLine, refundParts } from '../../src/shared/domain/refund-rules';

const fenAmount = fc.integer({ min: 1, max: 5_000_000 });

describe('payments', () => {
  it('a split that sums to what is due is taken, and the change is the cash handed over less the cash part', () => {
    fc.assert(
      fc.property(fenAmount, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 20_000 }), (due, cashShare, creditShare, extra) => {
        const cash = Math.floor((due * cashShare) / 100);
        const credit = Math.floor(((due - cash) * creditShare) / 100);
        const wechat = due - cash - credit;
        const parts: PaymentPart[] = [];
        if (cash > 0) parts.push({ means: 'cash', amountFen: cash });
        if (credit > 0) parts.push({ means: 'credit', amountFen: credit });
        if (wechat > 0) parts.push({ means: 'wechat', amountFen: wechat, reference: '4200001234202612011234567890' });
        const outcome = settlePayment(due, parts, cash + extra);
        expect(outcome).toEqual({ ok: true, cashFen: cash, changeFen: cash > 0 ? extra : 0 });
        // A fen more or less in any part breaks the sum.
        const off = parts.map((p, i) => (i === 0 ? { ...p, amountFen: p.amountFen + 1 } : p));
        expect(settlePayment(due, off, cash + extra + 1)).toEqual({ ok: false, problem: 'parts_total' });
      }),
    );
  });

  it('refuses short cash, a means twice, a missing or malformed reference, and credit where none is allowed', () => {
    expect(settlePayment(1000, [{ means: 'cash', amountFen: 1000 }], 999)).toEqual({ ok: false, problem: 'short_cash' });
    expect(settlePayment(1000, [{ means: 'cash', amountFen: 500 }, { means: 'cash', amountFen: 500 }], 1000)).toEqual({ ok: false, problem: 'repeated_means' });
    expect(settlePayment(1000, [{ means: 'alipay', amountFen: 1000 }], 0)).toEqual({ ok: false, problem: 'reference' });
    expect(settlePayment(1000, [{ means: 'alipay', amountFen: 1000, reference: '12345' }], 0)).toEqual({ ok: false, problem: 'reference' });
    expect(settlePayment(1000, [{ means: 'credit', amountFen: 1000 }], 0, false)).toEqual({ ok: false, problem: 'credit_not_allowed' });
    expect(settlePayment(1000, [{ means: 'credit', amountFen: 0 }, { means: 'cash', amountFen: 1000 }], 1000)).toEqual({ ok: false, problem: 'zero_part' });
  });

  it('knows the shapes of WeChat and Alipay references, typed with spaces or full-width digits', () => {
    expect(isPaymentReference('wechat', normalisePaymentReference('134 5678 9012 3456 789'))).toBe(true);
    expect(isPaymentReference('wechat', normalisePaymentReference('１３４５６７８９０１２３４５６７８９'))).toBe(true);
    expect(isPaymentReference('alipay', '28 7654321098765432'.replace(' ', ''))).toBe(true);
    expect(isPaymentReference('alipay', '2026120122001412345678901234')).toBe(true);
    expect(isPaymentReference('wechat', '284567890123456789')).toBe(false);
    expect(isPaymentReference('alipay', '134567890123456789')).toBe(false);
  });

  it('offers quick cash at the next ¥10, ¥20, ¥50 and ¥100 at or above what is due, each once', () => {
    expect(quickCashAmounts(1250)).toEqual([2000, 5000, 10000]);
    expect(quickCashAmounts(3990)).toEqual([4000, 5000, 10000]);
    expect(quickCashAmounts(12_340)).toEqual([13_000, 14_000, 15_000, 20_000]);
    fc.assert(
      fc.property(fenAmount, (due) => {
        const amounts = quickCashAmounts(due);
        expect(amounts.every((a) => a >= due && a % 1000 === 0)).toBe(true);
        expect(new Set(amounts).size).toBe(amounts.length);
      }),
    );
  });
});

describe('discounts', () => {
  it('never take off more than the base, and a clerk gives at most 10%', () => {
    fc.assert(
      fc.property(fenAmount, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 9_000_000 }), (base, percent, amount) => {
        const byPercent = discountFen(base, { kind: 'percent', percent });
        expect(byPercent).toBe(Math.floor((base * percent) / 100));
        expect(discountFen(base, { kind: 'amount', fen: amount })).toBe(Math.min(base, amount));
        if (percent <= 10) expect(discountAllowed('clerk', base, byPercent)).toBe(true);
        expect(discountAllowed('clerk', base, Math.floor(base / 10) + 1)).toBe(false);
        expect(discountAllowed('admin', base, base)).toBe(true);
      }),
    );
  });

  it('price a sale in whole fen: lines after their discounts, then the sale discount off the subtotal', () => {
    const priced = priceSale(
      [
        { unitPriceFen: 3990, qty: 3, discount: { kind: 'percent', percent: 10 } },
        { unitPriceFen: 250, qty: 1 },
      ],
      { kind: 'amount', fen: 100 },
    );
    expect(priced.lines).toEqual([
      { lineTotalFen: 10773, discountFen: 1197 },
      { lineTotalFen: 250, discountFen: 0 },
    ]);
    expect(priced).toMatchObject({ subtotalFen: 11023, saleDiscountFen: 100, totalFen: 10923 });
  });
});

describe('refunds', () => {
  const saleOf = (lines: { lineTotalFen: number; qty: number }[], totalFen: number) => ({
    totalFen,
    lines: lines.map((l) => ({ productId: '', names: {}, unit: '个', unitPriceFen: 0, ...l })),
  });

  it('spread the sale discount so the lines add up to what was paid', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ lineTotalFen: fenAmount, qty: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 100 }), (lines, discountShare) => {
        const subtotal = lines.reduce((s, l) => s + l.lineTotalFen, 0);
        const total = subtotal - Math.floor((subtotal * discountShare) / 100);
        const paid = paidByLine(saleOf(lines, total));
        expect(paid.reduce((s, p) => s + p, 0)).toBe(total);
        paid.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(lines[i]!.lineTotalFen);
        });
      }),
    );
  });

  it('refunding a line piece by piece, in any steps, gives back exactly what it was paid and never more', () => {
    fc.assert(
      fc.property(fenAmount, fc.integer({ min: 1, max: 30 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 30 }), (paid, qty, steps) => {
        let before = 0;
        let refunded = 0;
        for (const step of steps) {
          const take = Math.min(step, qty - before);
          if (take === 0) break;
          refunded += lineRefundFen(paid, qty, before, take);
          before += take;
          expect(refunded).toBeLessThanOrEqual(paid);
        }
        if (before === qty) expect(refunded).toBe(paid);
      }),
    );
  });

  it('go back to credit first, then mobile, then cash, never past what each means paid', () => {
    const paid: PaymentPart[] = [
      { means: 'cash', amountFen: 3000 },
      { means: 'credit', amountFen: 5000 },
      { means: 'wechat', amountFen: 2000, reference: '134567890123456789' },
    ];
    expect(refundParts(paid, {}, 6000)).toEqual([
      { means: 'credit', amountFen: 5000 },
      { means: 'wechat', amountFen: 1000, reference: '134567890123456789' },
    ]);
    expect(refundParts(paid, { credit: 5000, wechat: 1000 }, 4000)).toEqual([
      { means: 'wechat', amountFen: 1000, reference: '134567890123456789' },
      { means: 'cash', amountFen: 3000 },
    ]);
    expect(refundParts(paid, { credit: 5000, wechat: 2000, cash: 3000 }, 1)).toBeNull();
  });
});

describe('the credit ledger and the till', () => {
  it('a balance is the sum of its entries in fen, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { maxLength: 50 }), (deltas) => {
        const entries = deltas.map((deltaFen) => ({ deltaFen }));
        const balance = creditBalance(entries);
        expect(balance).toBe(deltas.reduce((s, d) => s + d, 0));
        expect(creditBalance([...entries].reverse())).toBe(balance);
      }),
    );
  });

  it('expects the float plus cash taken less cash given back, and counts days in China time', () => {
    expect(expectedCash({ cashInFen: 12_500, cashOutFen: 2_000 }, 10_000)).toBe(20_500);
    expect(businessDayOf('2026-12-01T15:59:59.000Z')).toBe('2026-12-01');
    expect(businessDayOf('2026-12-01T16:00:00.000Z')).toBe('2026-12-02');
  });
});
