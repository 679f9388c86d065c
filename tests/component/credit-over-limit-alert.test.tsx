import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { createCustomer } from '../../src/client/data/commands/customer-create';
import { db } from '../../src/client/data/db';
import { creditEntryIdFor, type CreditEntry } from '../../src/shared/domain/counter';
import { uuidv7 } from '../../src/shared/domain/ids';
import { enrolledTablet, freshTabletEach, renderApp, type TestCentre } from './support';

/** A credit sale's entry as sync brings it in, made on `deviceId`. */
function creditSale(centre: TestCentre, customerId: string, deltaFen: number, deviceId: string, now = new Date().toISOString()): CreditEntry {
  const saleId = uuidv7();
  return {
    id: creditEntryIdFor(saleId),
    centreId: centre.centreId,
    createdAt: now,
    updatedAt: now,
    createdBy: centre.staff.id,
    customerId,
    deltaFen,
    source: 'sale',
    refId: saleId,
    deviceId,
  };
}

describe('the over-limit alert', () => {
  freshTabletEach('en');

  it('names a villager that two tablets\' credit sales took past the limit, and links to them', async () => {
    const centre = await enrolledTablet('admin');
    const customer = await createCustomer({ name: '赵秀英', consent: true, phone: '13812345678', village: '红旗村', household: '', householdSize: 3, notes: '' }, centre.ctx);
    await login(centre.staff.id, centre.pin);
    // Each tablet sold ¥300 on credit while offline: within the ¥500 limit each, ¥600 together.
    await db.creditEntries.put(creditSale(centre, customer.id, 30_000, centre.deviceId));
    renderApp('/');
    await screen.findByTestId('cart', {}, { timeout: 5000 });
    await screen.findByTestId('sync-alerts', {}, { timeout: 5000 });
    expect(screen.queryByTestId('credit-over-limit-alert')).toBeNull();

    await db.creditEntries.put(creditSale(centre, customer.id, 30_000, uuidv7()));
    const alert = await screen.findByTestId('credit-over-limit-alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('1 villager went over the credit limit after sync');
    fireEvent.click(screen.getByTestId('credit-over-limit-open'));
    await waitFor(() => expect(screen.getByTestId('credit-balance').textContent).toBe('¥600.00'));
  });

  it('counts the credit of a villager merged on another tablet under the one kept, by name', async () => {
    const centre = await enrolledTablet('admin');
    const kept = await createCustomer({ name: '赵秀英', consent: true, phone: '13812345678', village: '红旗村', household: '', householdSize: 3, notes: '' }, centre.ctx);
    const twin = await createCustomer({ name: '赵秀英', consent: true, phone: '13912345678', village: '红旗村', household: '', householdSize: 3, notes: '' }, centre.ctx);
    // The merge as sync brings it: the twin's row now points to the villager kept.
    await db.customers.update(twin.id, { mergedInto: kept.id });
    await login(centre.staff.id, centre.pin);
    await db.creditEntries.bulkPut([creditSale(centre, twin.id, 30_000, centre.deviceId), creditSale(centre, kept.id, 30_000, uuidv7())]);
    renderApp('/');
    const alert = await screen.findByTestId('credit-over-limit-alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('1 villager went over the credit limit after sync');
    fireEvent.click(screen.getByTestId('credit-over-limit-open'));
    await waitFor(() => expect(screen.getByTestId('credit-balance').textContent).toBe('¥600.00'));
  });

  it('stays quiet for a villager over the limit from one tablet\'s sales alone', async () => {
    const centre = await enrolledTablet('admin');
    const customer = await createCustomer({ name: '赵秀英', consent: true, phone: '13812345678', village: '红旗村', household: '', householdSize: 3, notes: '' }, centre.ctx);
    await login(centre.staff.id, centre.pin);
    const elsewhere = uuidv7();
    await db.creditEntries.bulkPut([creditSale(centre, customer.id, 30_000, elsewhere), creditSale(centre, customer.id, 30_000, elsewhere)]);
    renderApp('/villagers');
    await screen.findByTestId('sync-alerts', {}, { timeout: 5000 });
    await screen.findByTestId('villager-row', {}, { timeout: 5000 });
    expect(screen.queryByTestId('credit-over-limit-alert')).toBeNull();
  });

  it('stays quiet up to what an admin allowed on another tablet, and speaks past it', async () => {
    const centre = await enrolledTablet('admin');
    const customer = await createCustomer({ name: '赵秀英', consent: true, phone: '13812345678', village: '红旗村', household: '', householdSize: 3, notes: '' }, centre.ctx);
    await login(centre.staff.id, centre.pin);
    const elsewhere = uuidv7();
    await db.creditEntries.put(creditSale(centre, customer.id, 30_000, centre.deviceId, '2026-03-02T02:00:00.000Z'));
    // The other tablet's admin let the villager owe ¥600, past the ¥500 limit: the sale says so.
    const allowed = creditSale(centre, customer.id, 30_000, elsewhere, '2026-03-02T03:00:00.000Z');
    const { refId, createdAt } = allowed;
    await db.sales.put({
      id: refId, centreId: centre.centreId, receiptNo: 'B-1', lines: [], totalFen: 30_000, tenderedFen: 0, changeFen: 0, payment: 'credit', channel: 'counter',
      deviceId: elsewhere, createdAt, updatedAt: createdAt, createdBy: centre.staff.id, customerId: customer.id, creditApprovedBy: centre.staff.id,
    });
    await db.creditEntries.put(allowed);
    renderApp('/villagers');
    await screen.findByTestId('sync-alerts', {}, { timeout: 5000 });
    await screen.findByTestId('villager-row', {}, { timeout: 5000 });
    expect(screen.queryByTestId('credit-over-limit-alert')).toBeNull();

    // A later sale nobody allowed takes them past it.
    await db.creditEntries.put(creditSale(centre, customer.id, 1_000, elsewhere, '2026-03-02T04:00:00.000Z'));
    const alert = await screen.findByTestId('credit-over-limit-alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('¥610.00');
  });
});
