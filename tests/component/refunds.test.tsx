import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { refundSale, voidSale } from '../../src/client/data/commands/counter-money';
import { createProduct, receiveStock } from '../../src/client/data/commands';
import { createCustomer } from '../../src/client/data/commands/customer-create';
import { runCommand } from '../../src/client/data/commands/run-command';
import { creditLedger } from '../../src/client/data/queries/credit';
import { db } from '../../src/client/data/db';
import { withLevels } from '../../src/client/data/queries/products';
import type { Sale } from '../../src/shared/domain/entities';
import { uuidv7 } from '../../src/shared/domain/ids';
import { addPerson, enrolledTablet, freshTabletEach, renderApp, stockedProduct, type TestCentre } from './support';

function type(testId: string, value: string, index = 0) {
  fireEvent.input(screen.getAllByTestId(testId)[index]!, { target: { value } });
}

function line(index: number): HTMLElement {
  return screen.getAllByTestId('refund-line')[index]!;
}

/** A sale made on this tablet through the shared rules. */
async function saleOf(centre: TestCentre, args: Record<string, unknown>): Promise<Sale> {
  const saleId = uuidv7();
  await runCommand('sale.create', () => ({ saleId, receiptNo: 'A-0001', ...args }), centre.ctx);
  return (await db.sales.get(saleId))!;
}

/** Three bags of rice at ¥10 and one of salt at ¥3, ¥1 off the whole sale, paid in cash: ¥32 paid. */
async function cashSale(centre: TestCentre) {
  const rice = await stockedProduct(centre, { sku: 'RICE', en: 'Rice 5 kg', zh: '大米 5公斤', priceFen: 1000, qty: 10 });
  const salt = await stockedProduct(centre, { sku: 'SALT', en: 'Salt', zh: '盐', priceFen: 300, qty: 10 });
  const sale = await saleOf(centre, {
    lines: [
      { productId: rice.id, names: rice.names, unit: rice.unit, unitPriceFen: 1000, qty: 3 },
      { productId: salt.id, names: salt.names, unit: salt.unit, unitPriceFen: 300, qty: 1 },
    ],
    discount: { kind: 'amount', fen: 100 },
    tenderedFen: 3200,
  });
  return { rice, salt, sale };
}

async function openRefund(saleId: string) {
  renderApp(`/sales/${saleId}/refund`);
  await screen.findByTestId('refund-form', {}, { timeout: 5000 });
}

describe('refunding a sale', () => {
  freshTabletEach('en');

  it('shows what a partial refund gives back, line by line, with the sale’s discount shared out, and puts the goods back', async () => {
    const centre = await enrolledTablet('admin');
    const { rice, sale } = await cashSale(centre);
    expect(sale.totalFen).toBe(3200);
    await login(centre.staff.id, centre.pin);
    await openRefund(sale.id);

    // One bag of three: the rice line paid ¥29.09 of the ¥32 (its share of the ¥1 off), a third of it floored.
    fireEvent.click(line(0).querySelector('[data-testid="refund-plus"]')!);
    expect((line(0).querySelector('[data-testid="refund-qty"]') as HTMLInputElement).value).toBe('1');
    expect(line(0).querySelector('[data-testid="refund-line-amount"]')!.textContent).toBe('¥9.69');
    expect(screen.getByTestId('refund-preview-total').textContent).toBe('¥9.69');
    expect(screen.getByTestId('refund-preview-cash').textContent).toContain('¥9.69');
    expect(screen.getByTestId('refund-confirm').textContent).toBe('Refund ¥9.69');

    // Everything left: the whole ¥32 back, never a fen more.
    fireEvent.click(screen.getByTestId('refund-all'));
    expect(screen.getByTestId('refund-preview-total').textContent).toBe('¥32.00');

    // Two bags, typed in full-width digits as a Chinese keyboard gives them.
    type('refund-qty', '', 1);
    type('refund-qty', '２', 0);
    expect(screen.getByTestId('refund-preview-total').textContent).toBe('¥19.39');
    fireEvent.click(screen.getByTestId('refund-confirm'));
    expect((await screen.findByRole('alert')).textContent).toBe('Say why the sale is refunded');
    fireEvent.input(screen.getByTestId('refund-reason'), { target: { value: '米袋破了' } });
    fireEvent.click(screen.getByTestId('refund-confirm'));

    await waitFor(async () => expect(await db.refunds.count()).toBe(1), { timeout: 5000 });
    const [refund] = await db.refunds.toArray();
    expect(refund).toMatchObject({ saleId: sale.id, totalFen: 1939, reason: '米袋破了', voided: false, lines: [{ lineIndex: 0, qty: 2, amountFen: 1939 }], payments: [{ means: 'cash', amountFen: 1939 }] });
    // Ten received, three sold, two back on the shelf.
    expect((await withLevels(db, [rice]))[0]?.level).toBe(9);
    expect((await db.tills.toArray())[0]?.cashOutFen).toBe(1939);
  });

  it('refuses more than is left of a line, and says so', async () => {
    const centre = await enrolledTablet('admin');
    const { sale } = await cashSale(centre);
    await refundSale(sale.id, [{ lineIndex: 0, qty: 2 }], 'first refund', centre.ctx);
    await login(centre.staff.id, centre.pin);
    await openRefund(sale.id);

    expect(line(0).textContent).toContain('2 back already');
    type('refund-qty', '2', 0);
    expect(line(0).querySelector('[data-testid="refund-line-error"]')!.textContent).toBe('Only 1 bag left to refund on this line');
    expect(line(0).querySelector('[data-testid="refund-qty"]')!.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(screen.getByTestId('refund-reason'), { target: { value: 'again' } });
    fireEvent.click(screen.getByTestId('refund-confirm'));
    expect((screen.getByTestId('refund-confirm') as HTMLButtonElement).disabled).toBe(true);
    // A piece good never comes back in halves.
    type('refund-qty', '0.5', 1);
    expect(line(1).querySelector('[data-testid="refund-line-error"]')!.textContent).toBe('Enter a whole number, like 1 or 2');
    expect(await db.refunds.count()).toBe(1);

    // Once all of it is back, nothing is offered.
    await refundSale(sale.id, [{ lineIndex: 0, qty: 1 }, { lineIndex: 1, qty: 1 }], 'the rest', centre.ctx);
    expect((await screen.findByTestId('refund-nothing-left', {}, { timeout: 5000 })).textContent).toBe('Everything of this sale has been given back');
  });

  it('writes damaged goods off again, and leaves a large write-off to an admin', async () => {
    const centre = await enrolledTablet('admin');
    const { rice, sale } = await cashSale(centre);
    await login(centre.staff.id, centre.pin);
    await openRefund(sale.id);
    type('refund-qty', '1', 0);
    fireEvent.click(screen.getByTestId('refund-goods-writeoff'));
    fireEvent.input(screen.getByTestId('refund-reason'), { target: { value: '袋子破了，米撒了' } });
    fireEvent.click(screen.getByTestId('refund-confirm'));
    await waitFor(async () => expect(await db.refunds.count()).toBe(1), { timeout: 5000 });
    // Ten received, three sold, one back and written off again: seven on the shelf.
    await waitFor(async () => expect((await withLevels(db, [rice]))[0]?.level).toBe(7), { timeout: 5000 });
    const damaged = (await db.movements.toArray()).filter((m) => m.reason === 'damage');
    const [refund] = await db.refunds.toArray();
    expect(damaged.map((m) => [m.delta, m.note])).toEqual([[-1, `Damaged, returned with refund ${refund!.receiptNo}`]]);

    // A clerk may write off a few units only (as on the stock screen).
    const big = await saleOf(centre, { lines: [{ productId: rice.id, names: rice.names, unit: rice.unit, unitPriceFen: 1000, qty: 7 }], tenderedFen: 7000 });
    const clerk = await addPerson(centre, 'Wang Gang', 'clerk', '1357');
    await login(clerk.id, '1357');
    cleanup();
    await openRefund(big.id);
    fireEvent.click(screen.getByTestId('refund-all'));
    fireEvent.click(screen.getByTestId('refund-goods-writeoff'));
    expect(screen.getByRole('alert').textContent).toBe('A write-off this large needs an administrator');
  });

  it('takes part of a kilo back of weighed goods', async () => {
    const centre = await enrolledTablet('admin');
    const apples = await createProduct(
      { sku: 'APPLE', barcode: '', names: { 'zh-CN': '苹果', en: 'Apples' }, unit: 'kg', priceFen: 1200, lowStockThreshold: 2, soldBy: 'weight' },
      centre.ctx,
    );
    await receiveStock({ productId: apples.id, qty: 20, note: '' }, centre.ctx);
    const sale = await saleOf(centre, { lines: [{ productId: apples.id, names: apples.names, unit: apples.unit, unitPriceFen: 1200, qty: 1.5 }], tenderedFen: 1800 });
    await login(centre.staff.id, centre.pin);
    await openRefund(sale.id);
    type('refund-qty', '0.5', 0);
    expect(screen.getByTestId('refund-preview-total').textContent).toBe('¥6.00');
    type('refund-qty', '0.25', 0);
    expect(screen.getByTestId('refund-preview-total').textContent).toBe('¥3.00');
    type('refund-qty', '1.6', 0);
    expect(screen.getByTestId('refund-line-error').textContent).toBe('Only 1.5 kg left to refund on this line');
  });

  it('takes a credit sale off the villager’s balance first, then gives back the cash', async () => {
    const centre = await enrolledTablet('admin');
    const customer = await createCustomer({ name: '赵秀英', consent: true, phone: '13812345678', village: '红旗村', household: '', householdSize: 3, notes: '' }, centre.ctx);
    const rice = await stockedProduct(centre, { sku: 'RICE', en: 'Rice 5 kg', zh: '大米 5公斤', priceFen: 3990, qty: 10 });
    const sale = await saleOf(centre, {
      lines: [{ productId: rice.id, names: rice.names, unit: rice.unit, unitPriceFen: 3990, qty: 3 }],
      tenderedFen: 2000,
      customerId: customer.id,
      payments: [{ means: 'cash', amountFen: 2000 }, { means: 'credit', amountFen: 9970 }],
    });
    await login(centre.staff.id, centre.pin);
    await openRefund(sale.id);
    fireEvent.click(screen.getByTestId('refund-all'));
    expect(screen.getByTestId('refund-preview-credit').textContent).toBe('Off the credit balance¥99.70');
    expect(screen.getByTestId('refund-preview-cash').textContent).toBe('Cash to hand back¥20.00');
    type('refund-qty', '1', 0);
    expect(screen.getByTestId('refund-preview-credit').textContent).toBe('Off the credit balance¥39.90');
    expect(screen.queryByTestId('refund-preview-cash')).toBeNull();
    fireEvent.input(screen.getByTestId('refund-reason'), { target: { value: 'bought one too many' } });
    fireEvent.click(screen.getByTestId('refund-confirm'));
    await waitFor(async () => expect((await creditLedger(db, customer.id)).balanceFen).toBe(9970 - 3990), { timeout: 5000 });
  });
});

describe('voiding a sale', () => {
  freshTabletEach('en');

  it('is offered to an admin on the sale’s own day, asks the PIN and a reason, and marks the sale voided', async () => {
    const centre = await enrolledTablet('admin');
    const { sale } = await cashSale(centre);
    await login(centre.staff.id, centre.pin);
    renderApp(`/sales/${sale.id}`);
    fireEvent.click(await screen.findByTestId('sale-void', {}, { timeout: 5000 }));

    await screen.findByTestId('pin-again', {}, { timeout: 5000 });
    fireEvent.input(screen.getByTestId('pin-input'), { target: { value: centre.pin } });
    fireEvent.click(screen.getByTestId('pin-submit'));
    await screen.findByTestId('void-form', {}, { timeout: 5000 });
    expect(screen.getByTestId('void-preview-total').textContent).toBe('¥32.00');
    fireEvent.click(screen.getByTestId('void-ask'));
    expect((await screen.findByRole('alert')).textContent).toBe('Say why the sale is refunded');
    fireEvent.input(screen.getByTestId('void-reason'), { target: { value: '收银员输错了' } });
    fireEvent.click(screen.getByTestId('void-ask'));
    expect(screen.getByTestId('void-question').textContent).toContain('Void receipt A-0001 and give back ¥32.00?');
    fireEvent.click(screen.getByTestId('void-confirm'));

    expect((await screen.findByTestId('sale-voided', {}, { timeout: 5000 })).textContent).toContain('Voided');
    expect(screen.queryByTestId('sale-void')).toBeNull();
    expect(screen.queryByTestId('sale-refund')).toBeNull();
    expect(screen.getByTestId('sale-refund-row').textContent).toContain('¥32.00');
    const [refund] = await db.refunds.toArray();
    expect(refund).toMatchObject({ voided: true, totalFen: 3200, reason: '收银员输错了' });
  });

  it('shows a voided sale as voided in the day’s sales', async () => {
    const centre = await enrolledTablet('admin');
    const { sale } = await cashSale(centre);
    await voidSale(sale.id, '收银员输错了', centre.ctx);
    await login(centre.staff.id, centre.pin);
    renderApp('/sales');
    expect((await screen.findByTestId('sale-badge-voided', {}, { timeout: 5000 })).textContent).toBe('Voided');
  });

  it('is not offered to a clerk, nor for a sale of another day, and says why', async () => {
    const centre = await enrolledTablet('admin');
    const { sale } = await cashSale(centre);
    // The same sale seen by a clerk.
    const clerk = await addPerson(centre, 'Wang Gang', 'clerk', '1357');
    await login(clerk.id, '1357');
    const view = renderApp(`/sales/${sale.id}`);
    await screen.findByTestId('sale-refund', {}, { timeout: 5000 });
    expect(screen.queryByTestId('sale-void')).toBeNull();
    expect(screen.getByTestId('sale-void-why').textContent).toBe('Only an administrator can void a sale');
    view.unmount();

    // An admin, a sale made yesterday (China time).
    await login(centre.staff.id, centre.pin);
    const yesterday = new Date(Date.now() - 26 * 60 * 60 * 1000).toISOString();
    await db.sales.update(sale.id, { createdAt: yesterday });
    renderApp(`/sales/${sale.id}`);
    await screen.findByTestId('sale-refund', {}, { timeout: 5000 });
    expect(screen.queryByTestId('sale-void')).toBeNull();
    expect(screen.getByTestId('sale-void-why').textContent).toBe('A sale can only be voided on the day it was made: use Refund or return instead');
  });
});
