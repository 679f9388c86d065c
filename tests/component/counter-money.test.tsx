import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { createCustomer } from '../../src/client/data/commands/customer-create';
import { runCommand } from '../../src/client/data/commands/run-command';
import { creditLedger } from '../../src/client/data/queries/credit';
import { db } from '../../src/client/data/db';
import { uuidv7 } from '../../src/shared/domain/ids';
import { enrolledTablet, freshTabletEach, renderApp, stockedProduct, type TestCentre } from './support';

function type(testId: string, value: string) {
  fireEvent.input(screen.getByTestId(testId), { target: { value } });
}

/** A villager who bought 3 bags (¥39.90 each) paying ¥20 in cash and the rest on credit. */
async function villagerOnCredit(centre: TestCentre): Promise<string> {
  const customer = await createCustomer({ name: '赵秀英', consent: true, phone: '13812345678', village: '红旗村', household: '', householdSize: 3, notes: '' }, centre.ctx);
  const rice = await stockedProduct(centre, { sku: 'RICE', en: 'Rice 5 kg', zh: '大米 5公斤', priceFen: 3990, qty: 10 });
  await runCommand(
    'sale.create',
    () => ({
      saleId: uuidv7(),
      receiptNo: 'A-0001',
      lines: [{ productId: rice.id, names: rice.names, unit: rice.unit, unitPriceFen: 3990, qty: 3 }],
      tenderedFen: 2000,
      customerId: customer.id,
      payments: [{ means: 'cash', amountFen: 2000 }, { means: 'credit', amountFen: 9970 }],
    }),
    centre.ctx,
  );
  return customer.id;
}

describe('credit at the counter', () => {
  freshTabletEach('en');

  it('shows what a villager owes and takes a repayment in cash, with the change', async () => {
    const centre = await enrolledTablet('admin');
    const customerId = await villagerOnCredit(centre);
    await login(centre.staff.id, centre.pin);
    renderApp(`/villagers/${customerId}`);
    expect((await screen.findByTestId('credit-balance', {}, { timeout: 5000 })).textContent).toBe('¥99.70');
    expect(screen.getAllByTestId('credit-entry').map((e) => e.textContent)).toEqual([expect.stringContaining('Bought on credit')]);

    fireEvent.click(screen.getByTestId('credit-repay'));
    const amount = (await screen.findByTestId('repay-amount', {}, { timeout: 5000 })) as HTMLInputElement;
    expect(amount.value).toBe('99.70');
    type('repay-amount', '５０');
    // Quick cash follows the amount due: ¥50 exactly, then ¥60, ¥100.
    const quick = [...document.querySelectorAll('[data-testid^="payment-quick-"]')].map((b) => b.textContent);
    expect(quick).toEqual(['¥50.00', '¥60.00', '¥100.00']);
    fireEvent.click(screen.getByTestId('payment-quick-100'));
    expect(screen.getByTestId('payment-change').textContent).toBe('Change: ¥50.00');
    fireEvent.click(screen.getByTestId('repay-confirm'));

    const done = await screen.findByTestId('repay-done', {}, { timeout: 5000 });
    expect(done.textContent).toContain('Repayment of ¥50.00 recorded');
    await waitFor(() => expect(done.textContent).toContain('Owes¥49.70'), { timeout: 5000 });
    expect((await creditLedger(db, customerId)).balanceFen).toBe(4970);
  });

  it('takes a WeChat Pay repayment only with a reference of the right shape', async () => {
    const centre = await enrolledTablet('admin');
    const customerId = await villagerOnCredit(centre);
    await login(centre.staff.id, centre.pin);
    renderApp(`/villagers/${customerId}/repay`);
    await screen.findByTestId('repay-form', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId('payment-means-wechat'));
    type('payment-reference', '2845 6789');
    expect(screen.getByTestId('payment-error').textContent).toBe('This is not a WeChat Pay or Alipay reference of the right shape');
    expect((screen.getByTestId('repay-confirm') as HTMLButtonElement).disabled).toBe(true);
    type('payment-reference', '134 5678 9012 3456 789');
    fireEvent.click(screen.getByTestId('repay-confirm'));
    await screen.findByTestId('repay-done', {}, { timeout: 5000 });
    const [repayment] = await db.repayments.toArray();
    expect(repayment?.payments).toEqual([{ means: 'wechat', amountFen: 9970, reference: '134567890123456789' }]);
    expect((await creditLedger(db, customerId)).balanceFen).toBe(0);
  });
});

describe('cash-up', () => {
  freshTabletEach('en');

  it('asks for the PIN again, expects the float plus the day’s cash, wants a note for a difference, and counts once', async () => {
    const centre = await enrolledTablet('admin');
    await villagerOnCredit(centre);
    await login(centre.staff.id, centre.pin);
    renderApp('/cashup');
    await screen.findByTestId('pin-again', {}, { timeout: 5000 });
    fireEvent.input(screen.getByTestId('pin-input'), { target: { value: centre.pin } });
    fireEvent.click(screen.getByTestId('pin-submit'));
    await screen.findByTestId('cashup-form', {}, { timeout: 5000 });
    expect(screen.getByTestId('cashup-in').textContent).toBe('¥20.00');

    type('cashup-float', '100');
    type('cashup-counted', '119.50');
    expect(screen.getByTestId('cashup-expected').textContent).toBe('¥120.00');
    expect(screen.getByTestId('cashup-difference').textContent).toBe('−¥0.50');
    fireEvent.click(screen.getByTestId('cashup-confirm'));
    expect((await screen.findByRole('alert')).textContent).toBe('Say why the cash differs');
    type('cashup-note', '找零少了五角');
    fireEvent.click(screen.getByTestId('cashup-confirm'));
    expect((await screen.findByTestId('cashup-done-difference', {}, { timeout: 5000 })).textContent).toBe('−¥0.50');
    await waitFor(async () => expect((await db.tills.toArray())[0]?.cashUp).toMatchObject({ expectedFen: 12_000, countedFen: 11_950, differenceFen: -50 }));
  });
});
