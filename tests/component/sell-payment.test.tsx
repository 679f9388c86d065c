import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { completeSale } from '../../src/client/data/commands';
import { createCustomer } from '../../src/client/data/commands/customer-create';
import { db } from '../../src/client/data/db';
import { creditLedger } from '../../src/client/data/queries/credit';
import { CENTRE_SETTINGS_ID, SETTING_DEFAULTS } from '../../src/shared/domain/centre-settings';
import type { Role } from '../../src/shared/domain/entities';
import { addPerson, enrolledTablet, freshTabletEach, renderApp, stockedProduct, type TestCentre } from './support';

function type(testId: string, value: string) {
  fireEvent.input(screen.getByTestId(testId), { target: { value } });
}

function confirmButton(): HTMLButtonElement {
  return screen.getByTestId('confirm-sale') as HTMLButtonElement;
}

/** Two bags of rice (¥35.50 each) in the cart of a signed-in `role` (the centre's admin, or a clerk): ¥71.00 to pay. */
async function cartOf71(role: Role): Promise<TestCentre> {
  const centre = await enrolledTablet('admin');
  await stockedProduct(centre, { sku: 'RICE-5', en: 'Rice 5 kg', zh: '大米5公斤', priceFen: 3550, qty: 10 });
  if (role === 'admin') await login(centre.staff.id, centre.pin);
  else await login((await addPerson(centre, 'Zhou Ping', role, '2580')).id, '2580');
  renderApp('/');
  const tile = await screen.findByTestId('product-tile', {}, { timeout: 5000 });
  fireEvent.click(tile);
  fireEvent.click(tile);
  await waitFor(() => expect(screen.getByTestId('cart-total').textContent).toBe('¥71.00'));
  // The payment step comes with the cart's first line (its code is fetched on the first tap).
  await screen.findByTestId('pay-step', {}, { timeout: 5000 });
  return centre;
}

async function villager(centre: TestCentre, name = '赵秀英'): Promise<string> {
  const customer = await createCustomer({ name, consent: true, phone: '13812345678', village: '红旗村', household: '', householdSize: 3, notes: '' }, centre.ctx);
  return customer.id;
}

async function pickVillager(name: string) {
  type('villager-search', name);
  const option = await screen.findByTestId('villager-option', {}, { timeout: 5000 });
  expect(option.textContent).toContain(name);
  fireEvent.click(option);
  await screen.findByTestId('villager-chosen');
}

async function receiptShown() {
  return screen.findByTestId('receipt', {}, { timeout: 5000 });
}

describe('the sell screen\'s payment step', () => {
  freshTabletEach('en');

  it('splits a sale into cash and credit: the rest on credit, change for the cash part only', async () => {
    const centre = await cartOf71('clerk');
    const customerId = await villager(centre);

    fireEvent.click(screen.getByTestId('pay-mode-mixed'));
    type('pay-amount-cash', '20');
    expect(screen.getByTestId('pay-remaining').textContent).toBe('Still due: ¥51.00');
    expect(confirmButton().disabled).toBe(true);

    // "The rest" on credit fills what is still due.
    fireEvent.click(screen.getByTestId('pay-rest-credit'));
    expect((screen.getByTestId('pay-amount-credit') as HTMLInputElement).value).toBe('51.00');
    expect(screen.getByTestId('pay-remaining').textContent).toBe('Still due: ¥0.00');
    // Credit needs its villager before the sale can be confirmed.
    expect(confirmButton().disabled).toBe(true);
    await pickVillager('赵秀英');
    expect((await screen.findByTestId('pay-credit-after')).textContent).toBe('¥51.00');

    // A ¥50 note for the ¥20 cash part: ¥30 back, nothing for the credit part.
    type('tender-input', '50');
    expect((await screen.findByTestId('change-due')).textContent).toBe('Change: ¥30.00');
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
    fireEvent.click(confirmButton());

    const receipt = await receiptShown();
    expect(within(receipt).getByTestId('receipt-total').textContent).toBe('¥71.00');
    // The receipt the sell screen hands over names whom it was for and who served, as one read back would.
    expect(within(receipt).getByTestId('receipt-villager').textContent).toContain('赵秀英');
    expect(within(receipt).getByTestId('receipt-staff').textContent).toContain('Zhou Ping');
    expect(within(receipt).getByTestId('receipt-centre').textContent).not.toBe('');
    const sale = (await db.sales.toArray())[0]!;
    expect(sale.payments).toEqual([{ means: 'cash', amountFen: 2000 }, { means: 'credit', amountFen: 5100 }]);
    expect(sale.customerId).toBe(customerId);
    expect(sale.tenderedFen).toBe(5000);
    expect(sale.changeFen).toBe(3000);
    expect((await creditLedger(db, customerId)).balanceFen).toBe(5100);
  });

  it('a mix that adds up to more than the total says so, and cannot be confirmed', async () => {
    await cartOf71('clerk');
    fireEvent.click(screen.getByTestId('pay-mode-mixed'));
    type('pay-amount-cash', '50');
    type('pay-amount-wechat', '30');
    expect((await screen.findByTestId('pay-error')).textContent).toBe('The parts come to ¥9.00 more than the total');
    expect(confirmButton().disabled).toBe(true);
  });

  it('checks a WeChat Pay reference\'s shape, with a clear error, then sells with it', async () => {
    await cartOf71('clerk');
    fireEvent.click(screen.getByTestId('pay-mode-wechat'));
    type('pay-reference-wechat', '12345');
    expect((await screen.findByTestId('pay-error')).textContent).toBe('This is not a WeChat Pay or Alipay reference of the right shape');
    expect(screen.getByTestId('pay-reference-wechat').getAttribute('aria-invalid')).toBe('true');
    expect(confirmButton().disabled).toBe(true);

    type('pay-reference-wechat', '1345 6789 0123 4567 89');
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
    expect(screen.queryByTestId('pay-error')).toBeNull();
    fireEvent.click(confirmButton());
    await receiptShown();
    const sale = (await db.sales.toArray())[0]!;
    expect(sale.payments).toEqual([{ means: 'wechat', amountFen: 7100, reference: '134567890123456789' }]);
    expect(sale.changeFen).toBe(0);
  });

  it('refuses a discount over the clerk\'s limit, naming the limit, and totals one within it', async () => {
    await cartOf71('clerk');
    fireEvent.click(screen.getByTestId('open-discounts'));
    fireEvent.click(await screen.findByTestId('discount-sale-percent'));
    type('discount-sale-input', '15');
    expect((await screen.findByTestId('discount-sale-error')).textContent).toBe('Discount over limit: your role may give at most 10% off');
    fireEvent.click(screen.getByTestId('tender-exact'));
    expect(confirmButton().disabled).toBe(true);
    // The total stays whole until the discount is put right.
    expect(screen.getByTestId('cart-total').textContent).toBe('¥71.00');

    type('discount-sale-input', '10');
    await waitFor(() => expect(screen.getByTestId('cart-total').textContent).toBe('¥63.90'));
    expect(screen.queryByTestId('discount-sale-error')).toBeNull();
    expect(screen.getByTestId('cart-discount').textContent).toContain('¥7.10');
    fireEvent.click(screen.getByTestId('tender-exact'));
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
    fireEvent.click(confirmButton());
    const receipt = await receiptShown();
    expect(within(receipt).getByTestId('receipt-total').textContent).toBe('¥63.90');
    const sale = (await db.sales.toArray())[0]!;
    expect(sale.totalFen).toBe(6390);
    expect(sale.discountFen).toBe(710);
  });

  it('a line\'s discount as an amount counts in the total', async () => {
    const centre = await cartOf71('admin');
    fireEvent.click(screen.getByTestId('open-discounts'));
    const product = (await db.products.toArray())[0]!;
    type(`discount-line-${product.id}-input`, '11');
    await waitFor(() => expect(screen.getByTestId('cart-total').textContent).toBe('¥60.00'));
    fireEvent.click(screen.getByTestId('tender-exact'));
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
    fireEvent.click(confirmButton());
    await receiptShown();
    const sale = (await db.sales.toArray())[0]!;
    expect(sale.lines[0]).toMatchObject({ lineTotalFen: 6000, discountFen: 1100 });
    expect(sale.createdBy).toBe(centre.staff.id);
  });

  it('credit past the centre\'s limit needs an admin\'s PIN on the spot before the sale can be confirmed', async () => {
    const centre = await cartOf71('clerk');
    const admin = centre.staff;
    const now = new Date().toISOString();
    await db.settings.put({ ...SETTING_DEFAULTS, id: CENTRE_SETTINGS_ID, centreId: centre.centreId, createdAt: now, updatedAt: now, createdBy: admin.id, creditLimitFen: 5000 });
    const customerId = await villager(centre);

    fireEvent.click(screen.getByTestId('pay-mode-credit'));
    await pickVillager('赵秀英');
    const warning = await screen.findByTestId('pay-over-limit', {}, { timeout: 5000 });
    expect(warning.textContent).toContain('This takes them ¥21.00 past the centre\'s limit of ¥50.00');
    expect(confirmButton().disabled).toBe(true);
    expect(screen.getByTestId('pay-waits-admin').textContent).toBe(
      'This credit goes past the centre\'s limit: the sale can be confirmed once an admin types their PIN',
    );

    // A wrong PIN allows nothing.
    fireEvent.click(await within(warning).findByTestId('admin-choice'));
    type('pin-input', '0000');
    fireEvent.click(screen.getByTestId('pin-submit'));
    expect((await screen.findByText('Wrong PIN, please try again')).textContent).toBeTruthy();
    expect(confirmButton().disabled).toBe(true);

    type('pin-input', centre.pin);
    fireEvent.click(screen.getByTestId('pin-submit'));
    await screen.findByTestId('pay-approved', {}, { timeout: 5000 });
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
    fireEvent.click(confirmButton());
    await receiptShown();
    expect((await creditLedger(db, customerId)).balanceFen).toBe(7100);
  });

  it('the tablet refuses an over-limit credit sale nobody allowed, whatever the screen did', async () => {
    const centre = await enrolledTablet('admin');
    const rice = await stockedProduct(centre, { sku: 'RICE-5', en: 'Rice 5 kg', zh: '大米5公斤', priceFen: 3550, qty: 10 });
    const customerId = await villager(centre);
    const clerk = await addPerson(centre, 'Zhou Ping', 'clerk', '2580');
    const clerkCtx = { db, staffId: clerk.id, deviceId: centre.deviceId, centreId: centre.centreId };
    const now = new Date().toISOString();
    await db.settings.put({ ...SETTING_DEFAULTS, id: CENTRE_SETTINGS_ID, centreId: centre.centreId, createdAt: now, updatedAt: now, createdBy: centre.staff.id, creditLimitFen: 1000 });
    const onCredit = { lines: [{ productId: rice.id, qty: 1 }], tenderedFen: 0, payments: [{ means: 'credit' as const, amountFen: 3550 }], customerId };
    await expect(completeSale(onCredit, clerkCtx)).rejects.toMatchObject({ detail: 'credit_over_limit' });
    expect(await db.sales.count()).toBe(0);
    // Named by a clerk, a clerk does not count as the admin who allowed it.
    const other = completeSale({ ...onCredit, creditApprovedBy: clerk.id }, clerkCtx);
    await expect(other).rejects.toMatchObject({ detail: 'credit_over_limit' });
    // An admin allowed it: the sale stands.
    const sale = await completeSale({ ...onCredit, creditApprovedBy: centre.staff.id }, clerkCtx);
    expect((await creditLedger(db, customerId)).balanceFen).toBe(3550);
    // The sale names who allowed it, so every tablet's over-limit alert knows it was meant.
    expect(sale.creditApprovedBy).toBe(centre.staff.id);
  });
});
