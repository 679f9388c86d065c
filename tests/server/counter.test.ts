import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { businessDayOf, creditEntryIdFor, tillIdFor } from '../../src/shared/domain/counter';
import { uuidv7 } from '../../src/shared/domain/ids';
import { makeCentre, resigned, type TestCentre } from './support/centre';
import { pushed, rowOf, rowsOf, villageMutation, villagerArgs } from './support/village';
import { storeKinds, type OpenedStore } from './support/stores';

const WECHAT_CODE = '134567890123456789';

describe.each(storeKinds())('the counter’s money on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;
  let other: TestCentre;
  let villagerId: string;
  let receipts = 0;

  const line = (t: TestCentre, qty: number, discount?: unknown) => ({
    productId: t.rice.id, names: t.rice.names, unit: t.rice.unit, unitPriceFen: t.rice.priceFen, qty, ...(discount ? { discount } : {}),
  });
  const sale = (t: TestCentre, fields: Record<string, unknown>, staffId = t.clerk.id) =>
    villageMutation(t, 'sale.create', { saleId: uuidv7(), receiptNo: `M-${++receipts}`, lines: [line(t, 2)], tenderedFen: 0, ...fields }, staffId);
  const saleIdOf = (m: { args: unknown }) => (m.args as { saleId: string }).saleId;
  const today = () => businessDayOf(new Date().toISOString());
  const till = (t: TestCentre, staffId: string) => rowOf(opened.store, t.centre.id, 'tills', tillIdFor(staffId, today()));
  const rowCount = async (t: TestCentre) => {
    const page = await opened.store.pull(t.centre.id, 0, 1_000_000);
    return page.rows.length;
  };

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'C');
    other = await makeCentre(opened.store, app, 'D');
    const villager = villagerArgs();
    villagerId = villager.customerId;
    expect(await pushed(app, shop, [villageMutation(shop, 'customer.create', villager)])).toEqual(['applied']);
  });
  afterAll(() => opened.dispose());

  it('takes a sale paid part in cash, part on credit: the credit goes on the villager’s ledger, the cash into the clerk’s till', async () => {
    const total = shop.rice.priceFen * 2;
    const m = sale(shop, {
      customerId: villagerId,
      payments: [{ means: 'cash', amountFen: 3000 }, { means: 'credit', amountFen: total - 3000 }],
      tenderedFen: 5000,
    });
    expect(await pushed(app, shop, [m])).toEqual(['applied']);
    expect(await rowOf(opened.store, shop.centre.id, 'sales', saleIdOf(m))).toMatchObject({ totalFen: total, changeFen: 2000, payment: 'mixed', customerId: villagerId });
    expect(await rowOf(opened.store, shop.centre.id, 'creditEntries', creditEntryIdFor(saleIdOf(m)))).toMatchObject({ customerId: villagerId, deltaFen: total - 3000, source: 'sale' });
    expect((await till(shop, shop.clerk.id))?.cashInFen).toBe(3000);
  });

  it('refuses forged totals, a discount past the clerk’s limit, a malformed reference and credit without a villager, changing nothing', async () => {
    const before = await rowCount(shop);
    const total = shop.rice.priceFen * 2;
    const results = await pushed(app, shop, [
      sale(shop, { payments: [{ means: 'cash', amountFen: total - 1 }], tenderedFen: total }),
      sale(shop, { lines: [line(shop, 2, { kind: 'percent', percent: 30 })], tenderedFen: total }),
      sale(shop, { discount: { kind: 'amount', fen: 2000 }, tenderedFen: total }),
      sale(shop, { payments: [{ means: 'alipay', amountFen: total, reference: '12345' }] }),
      sale(shop, { payments: [{ means: 'credit', amountFen: total }] }),
      sale(shop, { customerId: uuidv7(), payments: [{ means: 'credit', amountFen: total }] }),
    ]);
    expect(results).toEqual(['bad_total', 'discount_over_limit', 'discount_over_limit', 'invalid_payment', 'unknown_customer', 'unknown_customer']);
    expect(await rowCount(shop)).toBe(before);
    // An admin may give the same discount.
    const byAdmin = sale(shop, { lines: [line(shop, 2, { kind: 'percent', percent: 30 })], tenderedFen: total }, shop.admin.id);
    expect(await pushed(app, shop, [byAdmin])).toEqual(['applied']);
    expect(await rowOf(opened.store, shop.centre.id, 'sales', saleIdOf(byAdmin))).toMatchObject({ totalFen: total - Math.floor((total * 30) / 100) });
  });

  it('records the admin who let a credit sale pass the limit, and only an admin of the centre', async () => {
    const total = shop.rice.priceFen * 2;
    // A villager of its own: the other tests count the first one's ledger.
    const villager = villagerArgs();
    expect(await pushed(app, shop, [villageMutation(shop, 'customer.create', villager)])).toEqual(['applied']);
    const onCredit = { customerId: villager.customerId, payments: [{ means: 'credit', amountFen: total }] };
    const before = await rowCount(shop);
    const results = await pushed(app, shop, [
      sale(shop, { ...onCredit, creditApprovedBy: shop.clerk.id }),
      sale(shop, { ...onCredit, creditApprovedBy: other.admin.id }),
      sale(shop, { creditApprovedBy: shop.admin.id, tenderedFen: total }),
    ]);
    expect(results).toEqual(['unknown_staff', 'unknown_staff', 'invalid_args']);
    expect(await rowCount(shop)).toBe(before);
    const allowed = sale(shop, { ...onCredit, creditApprovedBy: shop.admin.id });
    expect(await pushed(app, shop, [allowed])).toEqual(['applied']);
    expect(await rowOf(opened.store, shop.centre.id, 'sales', saleIdOf(allowed))).toMatchObject({ customerId: villager.customerId, creditApprovedBy: shop.admin.id });
  });

  it('refunds part of a sale by its own means, puts the goods back and never refunds more than was paid', async () => {
    const total = shop.rice.priceFen * 3;
    const paid = sale(shop, {
      lines: [line(shop, 3)],
      payments: [{ means: 'wechat', amountFen: 2000, reference: WECHAT_CODE }, { means: 'cash', amountFen: total - 2000 }],
      tenderedFen: total - 2000,
    });
    expect(await pushed(app, shop, [paid])).toEqual(['applied']);
    const saleId = saleIdOf(paid);
    const refund = (qty: number, t = shop) => villageMutation(t, 'sale.refund', { refundId: uuidv7(), saleId, receiptNo: `F-${++receipts}`, lines: [{ lineIndex: 0, qty }], reason: '包装破损' });

    const first = refund(1);
    expect(await pushed(app, shop, [first])).toEqual(['applied']);
    const row = await rowOf(opened.store, shop.centre.id, 'refunds', (first.args as { refundId: string }).refundId);
    expect(row).toMatchObject({ totalFen: shop.rice.priceFen, payments: [{ means: 'wechat', amountFen: 2000 }, { means: 'cash', amountFen: shop.rice.priceFen - 2000 }] });
    const returned = (await rowsOf(opened.store, shop.centre.id, 'movements')).filter((mv) => mv.reason === 'return');
    expect(returned.map((mv) => mv.delta)).toEqual([1]);
    expect((await till(shop, shop.clerk.id))?.cashOutFen).toBe(shop.rice.priceFen - 2000);

    // Three were sold and one came back: three more cannot, another centre's tablet cannot refund it at all.
    expect(await pushed(app, shop, [refund(3)])).toEqual(['over_refund']);
    const fromOther = villageMutation(other, 'sale.refund', { refundId: uuidv7(), saleId, receiptNo: 'X-1', lines: [{ lineIndex: 0, qty: 1 }], reason: '' });
    expect(await pushed(app, other, [fromOther])).toEqual(['unknown_sale']);

    const rest = refund(2);
    expect(await pushed(app, shop, [rest])).toEqual(['applied']);
    const totals = await rowOf(opened.store, shop.centre.id, 'refundTotals', saleId);
    expect(totals).toMatchObject({ qtyByLine: [3], fenByMeans: { wechat: 2000, cash: total - 2000 } });
    expect(await pushed(app, shop, [refund(1)])).toEqual(['over_refund']);
  });

  it('lets only an admin void a sale, only on its own day', async () => {
    const m = sale(shop, { tenderedFen: shop.rice.priceFen * 2 });
    expect(await pushed(app, shop, [m])).toEqual(['applied']);
    const voidBy = (staffId: string) => villageMutation(shop, 'sale.void', { refundId: uuidv7(), saleId: saleIdOf(m), receiptNo: `V-${++receipts}`, reason: '收错商品' }, staffId);
    expect(await pushed(app, shop, [voidBy(shop.clerk.id)])).toEqual(['not_permitted']);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
    expect(await pushed(app, shop, [resigned(shop, voidBy(shop.admin.id), { createdAt: tomorrow })])).toEqual(['void_too_late']);
    expect(await pushed(app, shop, [voidBy(shop.admin.id)])).toEqual(['applied']);
    expect(await rowOf(opened.store, shop.centre.id, 'refundTotals', saleIdOf(m))).toMatchObject({ voided: true, qtyByLine: [2] });
  });

  it('takes a repayment off the ledger and counts a till once', async () => {
    const repay = villageMutation(shop, 'credit.repay', {
      repaymentId: uuidv7(), receiptNo: `P-${++receipts}`, customerId: villagerId, amountFen: 1500,
      payments: [{ means: 'cash', amountFen: 1500 }], tenderedFen: 2000,
    });
    expect(await pushed(app, shop, [repay])).toEqual(['applied']);
    const entries = (await rowsOf(opened.store, shop.centre.id, 'creditEntries')).filter((e) => e.customerId === villagerId);
    expect(entries.map((e) => e.deltaFen).sort((a, b) => a - b)).toEqual([-1500, shop.rice.priceFen * 2 - 3000]);
    const onCredit = villageMutation(shop, 'credit.repay', {
      repaymentId: uuidv7(), receiptNo: `P-${++receipts}`, customerId: villagerId, amountFen: 1500, payments: [{ means: 'credit', amountFen: 1500 }], tenderedFen: 0,
    });
    expect(await pushed(app, shop, [onCredit])).toEqual(['invalid_payment']);

    const before = await till(shop, shop.clerk.id);
    const cashUp = () => villageMutation(shop, 'till.cashUp', { cashUpId: uuidv7(), day: today(), openingFloatFen: 10_000, countedFen: 10_000 + before!.cashInFen - before!.cashOutFen - 50, note: '少了五角' });
    expect(await pushed(app, shop, [cashUp()])).toEqual(['applied']);
    expect((await till(shop, shop.clerk.id))?.cashUp).toMatchObject({ expectedFen: 10_000 + before!.cashInFen - before!.cashOutFen, differenceFen: -50 });
    expect(await pushed(app, shop, [cashUp()])).toEqual(['already_counted']);
  });
});
