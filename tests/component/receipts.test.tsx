import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { db } from '../../src/client/data/db';
import { setLanguage } from '../../src/client/i18n';
import { CENTRE_SETTINGS_ID, SETTING_DEFAULTS } from '../../src/shared/domain/centre-settings';
import { creditEntryIdFor, type Refund, type Repayment } from '../../src/shared/domain/counter';
import type { Language, Sale } from '../../src/shared/domain/entities';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { Order } from '../../src/shared/domain/orders';
import type { Customer } from '../../src/shared/domain/villagers';
import { enrolledTablet, freshTabletEach, renderApp, watchDrawing, type TestCentre } from './support';

/**
 * Receipts as the villager takes them home, in the tablet's language:
 * product names and units in it, discounts, every payment part, the centre's
 * name and phone, and the QR code of the receipt's id.
 */

const PHONE = '0991-555 0123';

async function withPhone(centre: TestCentre): Promise<void> {
  const now = new Date().toISOString();
  await db.settings.put({ id: CENTRE_SETTINGS_ID, centreId: centre.centreId, createdAt: now, updatedAt: now, createdBy: centre.staff.id, ...SETTING_DEFAULTS, centrePhone: PHONE });
}

async function villager(centre: TestCentre): Promise<Customer> {
  const now = new Date().toISOString();
  const row: Customer = {
    id: uuidv7(), centreId: centre.centreId, createdAt: now, updatedAt: now, createdBy: centre.staff.id,
    name: '赵秀英', consent: true, phone: '', village: '', household: '', householdSize: 0, notes: '', mergedInto: null, deleted: false,
  };
  await db.customers.put(row);
  return row;
}

/** A sale as it arrives by sync: two kinds of goods, a line discount and a sale discount, paid by WeChat, cash and credit. */
async function mixedSale(centre: TestCentre, customerId: string): Promise<Sale> {
  const now = '2026-12-01T03:25:00.000Z';
  const sale: Sale = {
    id: uuidv7(), centreId: centre.centreId, createdAt: now, updatedAt: now, createdBy: centre.staff.id,
    receiptNo: 'A-0042',
    lines: [
      {
        productId: uuidv7(),
        names: { 'zh-CN': '东北大米', en: 'Northeast rice', ug: 'شەرقىي شىمال گۈرۈچى' },
        unit: '袋',
        unitNames: { 'zh-CN': '袋', en: 'bag', ug: 'خالتا' },
        unitPriceFen: 3990,
        qty: 2,
        lineTotalFen: 7480,
        discountFen: 500,
      },
      // A line from before unit names: its unit as typed.
      { productId: uuidv7(), names: { 'zh-CN': '食盐', en: 'Salt' }, unit: 'pk', unitPriceFen: 250, qty: 4, lineTotalFen: 1000 },
    ],
    discountFen: 480,
    totalFen: 8000,
    tenderedFen: 5000,
    changeFen: 2000,
    payment: 'mixed',
    channel: 'counter',
    deviceId: centre.deviceId,
    customerId,
    payments: [
      { means: 'wechat', amountFen: 3000, reference: '134567890123456789' },
      { means: 'cash', amountFen: 3000 },
      { means: 'credit', amountFen: 2000 },
    ],
  };
  await db.sales.put(sale);
  await db.creditEntries.put({ id: creditEntryIdFor(sale.id), centreId: centre.centreId, createdAt: now, updatedAt: now, createdBy: centre.staff.id, customerId, deltaFen: 2000, source: 'sale', refId: sale.id, deviceId: centre.deviceId });
  return sale;
}

const WORDS: Record<Language, { title: string; rice: string; riceQty: string; salt: string; centre: string; wechat: string; total: string; phone: string; staff: string }> = {
  'zh-CN': { title: '收据', rice: '东北大米', riceQty: '2 袋 × ¥39.90', salt: '4 pk × ¥2.50', centre: '红星村服务站', wechat: '微信支付', total: '¥80.00', phone: `电话 ${PHONE}`, staff: '收银员：Li Mei' },
  en: { title: 'Receipt', rice: 'Northeast rice', riceQty: '2 bag × ¥39.90', salt: '4 pk × ¥2.50', centre: 'Hongxing Village Centre', wechat: 'WeChat Pay', total: '¥80.00', phone: `Tel. ${PHONE}`, staff: 'Served by Li Mei' },
  ug: { title: 'تالون', rice: 'شەرقىي شىمال گۈرۈچى', riceQty: '2 خالتا × ¥39.90', salt: '4 pk × ¥2.50', centre: '红星村服务站', wechat: 'ۋېيشىن پۇل تۆلەش', total: '¥80.00', phone: `تېلېفون ${PHONE}`, staff: 'كاسسىر: Li Mei' },
};

describe('receipts', () => {
  freshTabletEach('en');

  for (const lang of ['zh-CN', 'en', 'ug'] as const) {
    it(`a sale's receipt speaks ${lang}: names and units in it, discounts, each payment part, the centre and its phone, a QR of the id`, async () => {
      const centre = await enrolledTablet('clerk');
      await withPhone(centre);
      const buyer = await villager(centre);
      const sale = await mixedSale(centre, buyer.id);
      await login(centre.staff.id, centre.pin);
      await setLanguage(lang);
      renderApp(`/sales/${sale.id}`);
      const receipt = await screen.findByTestId('receipt', {}, { timeout: 5000 });
      const words = WORDS[lang];
      const text = (id: string) => within(receipt).getByTestId(id).textContent?.replace(/\u00a0/g, ' ').replace(/[\u2066\u2069]/g, '');

      expect(within(receipt).getByRole('heading', { level: 1 }).textContent).toBe(words.title);
      expect(text('receipt-centre')).toBe(words.centre);
      expect(text('receipt-phone')).toBe(words.phone);
      expect(text('receipt-staff')).toBe(words.staff);
      expect(text('receipt-no')).toBe('A-0042');
      expect(text('receipt-villager')).toContain('赵秀英');
      const lines = within(receipt).getAllByTestId('receipt-line');
      expect(lines).toHaveLength(2);
      expect(lines[0]!.textContent?.replace(/\u00a0/g, ' ').replace(/[\u2066\u2069]/g, '')).toContain(words.rice);
      expect(lines[0]!.textContent?.replace(/\u00a0/g, ' ').replace(/[\u2066\u2069]/g, '')).toContain(words.riceQty);
      expect(lines[0]!.textContent).toContain('¥74.80');
      expect(within(lines[0]!).getByTestId('receipt-line-discount').textContent).toContain('\u2066¥5.00\u2069');
      // No Uyghur name: the first name it has, Chinese.
      expect(lines[1]!.textContent?.replace(/\u00a0/g, ' ').replace(/[\u2066\u2069]/g, '')).toContain(lang === 'en' ? 'Salt' : '食盐');
      expect(lines[1]!.textContent?.replace(/\u00a0/g, ' ').replace(/[\u2066\u2069]/g, '')).toContain(words.salt);
      expect(text('receipt-subtotal')).toBe('¥84.80');
      expect(text('receipt-saleDiscount')).toBe('−¥4.80');
      expect(text('receipt-total')).toBe(words.total);
      const parts = within(receipt).getAllByTestId('receipt-payment');
      expect(parts.map((p) => p.getAttribute('data-means'))).toEqual(['wechat', 'cash', 'credit']);
      expect(parts[0]!.textContent).toContain(words.wechat);
      expect(parts[0]!.textContent).toContain('\u2066134567890123456789\u2069');
      expect(text('receipt-tendered')).toBe('¥50.00');
      expect(text('receipt-change')).toBe('¥20.00');
      const qr = within(receipt).getByTestId('receipt-qr');
      expect(qr.getAttribute('data-qr-text')).toBe(sale.id);
      expect(within(qr).getByRole('img').getAttribute('aria-label')).toContain(sale.id);
      expect(screen.getByTestId('receipt-print')).toBeTruthy();
      expect(screen.getByTestId('receipt-share')).toBeTruthy();
    });
  }

  it("a sale's receipt is read while the app moves to it: it draws with its screen, never a loading line first", async () => {
    const centre = await enrolledTablet('clerk');
    const buyer = await villager(centre);
    const sale = await mixedSale(centre, buyer.id);
    await login(centre.staff.id, centre.pin);
    const { router } = renderApp('/more');
    await screen.findByTestId('more-list', {}, { timeout: 5000 });
    const watch = watchDrawing('receipt');
    await router.navigate({ to: '/sales/$saleId', params: { saleId: sale.id } });
    await screen.findByTestId('receipt', {}, { timeout: 5000 });
    const drawn = watch.stop();
    expect(drawn[0]).toBe('shown');
    expect(drawn).not.toContain('loading');
  });

  it('a refund and a repayment have receipts of their own, reached by their paths', async () => {
    const centre = await enrolledTablet('admin');
    await withPhone(centre);
    const buyer = await villager(centre);
    const sale = await mixedSale(centre, buyer.id);
    const now = '2026-12-01T05:00:00.000Z';
    const base = { centreId: centre.centreId, createdAt: now, updatedAt: now, createdBy: centre.staff.id, deviceId: centre.deviceId };
    const refund: Refund = { ...base, id: uuidv7(), saleId: sale.id, receiptNo: 'A-0043', lines: [{ lineIndex: 0, qty: 1, amountFen: 3740 }], payments: [{ means: 'cash', amountFen: 3740 }], totalFen: 3740, reason: '袋子破了', voided: false };
    const repayment: Repayment = { ...base, id: uuidv7(), customerId: buyer.id, receiptNo: 'A-0044', amountFen: 2000, payments: [{ means: 'cash', amountFen: 2000 }], tenderedFen: 5000, changeFen: 3000 };
    await db.refunds.put(refund);
    await db.repayments.put(repayment);
    await login(centre.staff.id, centre.pin);

    const refundView = renderApp(`/refunds/${refund.id}`);
    let receipt = await screen.findByTestId('receipt', {}, { timeout: 5000 });
    expect(receipt.getAttribute('data-receipt-kind')).toBe('refund');
    expect(within(receipt).getByRole('heading', { level: 1 }).textContent).toBe('Refund receipt');
    expect(within(receipt).getByTestId('receipt-total').textContent).toBe('¥37.40');
    expect(within(receipt).getAllByTestId('receipt-line')[0]!.textContent?.replace(/\u00a0/g, ' ').replace(/[\u2066\u2069]/g, '')).toContain('1 bag × ¥39.90');
    expect(within(receipt).getAllByTestId('receipt-note').map((n) => n.textContent)).toEqual(['For sale no. \u2066A-0042\u2069', 'Reason: 袋子破了']);
    refundView.unmount();

    renderApp(`/repayments/${repayment.id}`);
    receipt = await screen.findByTestId('receipt', {}, { timeout: 5000 });
    expect(within(receipt).getByRole('heading', { level: 1 }).textContent).toBe('Repayment receipt');
    expect(within(receipt).getByTestId('receipt-total').textContent).toBe('¥20.00');
    expect(within(receipt).getByTestId('receipt-change').textContent).toBe('¥30.00');
    expect(within(receipt).getByTestId('receipt-qr').getAttribute('data-qr-text')).toBe(repayment.id);
  });

  it("an order's deposit has a receipt: the order's total, the deposit paid, what is left for collection", async () => {
    const centre = await enrolledTablet('clerk');
    const buyer = await villager(centre);
    const now = '2026-11-30T10:24:00.000Z';
    const order: Order = {
      id: uuidv7(), centreId: centre.centreId, createdAt: now, updatedAt: now, createdBy: centre.staff.id,
      customerId: buyer.id, platformId: uuidv7(), platformOrderNo: '240612-304471182953306',
      lines: [{ name: '老年收音机 插卡', qty: 1, unitPriceFen: 3900 }], deliveryFeeFen: 0, serviceFeeFen: 100, depositFen: 2000, totalFen: 4000,
      status: 'placed', history: [], deviceId: centre.deviceId,
    };
    await db.orders.put(order);
    await login(centre.staff.id, centre.pin);
    await setLanguage('zh-CN');
    renderApp(`/orders/${order.id}/deposit`);
    const receipt = await screen.findByTestId('receipt', {}, { timeout: 5000 });
    expect(within(receipt).getByRole('heading', { level: 1 }).textContent).toBe('订单定金收据');
    expect(within(receipt).getByTestId('receipt-orderTotal').textContent).toBe('¥40.00');
    expect(within(receipt).getByTestId('receipt-total').textContent).toBe('¥20.00');
    expect(within(receipt).getByTestId('receipt-stillToPay').textContent).toBe('¥20.00');
    expect(within(receipt).getByTestId('receipt-note').textContent).toContain('240612-304471182953306');
    expect(within(receipt).getByTestId('receipt-qr').getAttribute('data-qr-text')).toBe(order.id);
  });

  it("a villager's statement runs the balance down the ledger, in Uyghur", async () => {
    const centre = await enrolledTablet('admin');
    const buyer = await villager(centre);
    const sale = await mixedSale(centre, buyer.id);
    const now = '2026-12-02T02:00:00.000Z';
    const repaymentId = uuidv7();
    await db.repayments.put({ id: repaymentId, centreId: centre.centreId, createdAt: now, updatedAt: now, createdBy: centre.staff.id, customerId: buyer.id, receiptNo: 'A-0050', amountFen: 1500, payments: [{ means: 'cash', amountFen: 1500 }], tenderedFen: 1500, changeFen: 0, deviceId: centre.deviceId });
    await db.creditEntries.put({ id: creditEntryIdFor(repaymentId), centreId: centre.centreId, createdAt: now, updatedAt: now, createdBy: centre.staff.id, customerId: buyer.id, deltaFen: -1500, source: 'repayment', refId: repaymentId, deviceId: centre.deviceId });
    await login(centre.staff.id, centre.pin);
    await setLanguage('ug');
    renderApp(`/villagers/${buyer.id}/statement`);
    const statement = await screen.findByTestId('statement', {}, { timeout: 5000 });
    expect(within(statement).getByRole('heading', { level: 1 }).textContent).toBe('نېسى ھېساباتى');
    const rows = within(statement).getAllByTestId('statement-row');
    expect(rows.map((r) => r.getAttribute('data-source'))).toEqual(['sale', 'repayment']);
    expect(rows.map((r) => within(r).getByTestId('statement-balance').textContent)).toEqual(['¥20.00', '¥5.00']);
    expect(rows[0]!.textContent).toContain(sale.receiptNo);
    expect(within(statement).getByTestId('statement-owes').textContent).toBe('¥5.00');
    expect(within(statement).getByTestId('statement-limit').textContent).toBe('¥500.00');
    expect(screen.getByTestId('statement-print')).toBeTruthy();
  });

  it('an admin sets the centre phone the receipts print; a phone it is not is explained, not saved', async () => {
    const centre = await enrolledTablet('admin');
    await login(centre.staff.id, centre.pin);
    renderApp('/settings');
    const input = await screen.findByTestId('setting-centrePhone', {}, { timeout: 5000 });
    fireEvent.input(input, { target: { value: 'call us' } });
    fireEvent.click(screen.getByTestId('save-centre-phone'));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a phone number: digits, spaces and dashes, up to 20');
    expect((await db.settings.get(CENTRE_SETTINGS_ID))?.centrePhone).toBeUndefined();
    // Full-width digits from a Chinese keyboard count.
    fireEvent.input(input, { target: { value: '０９９１-５５５ ０１２３' } });
    fireEvent.click(screen.getByTestId('save-centre-phone'));
    await screen.findByText('Phone saved');
    await waitFor(async () => expect((await db.settings.get(CENTRE_SETTINGS_ID))?.centrePhone).toBe(PHONE));
  });
});
