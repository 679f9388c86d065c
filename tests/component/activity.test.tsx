import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createProduct, receiveStock } from '../../src/client/data/commands';
import { db } from '../../src/client/data/db';
import { localDayKey } from '../../src/client/features/sales/day';
import ug from '../../src/client/i18n/locales/ug.json';
import type { Review, Sale } from '../../src/shared/domain/entities';
import { uuidv7 } from '../../src/shared/domain/ids';
import { freshTabletEach, renderApp } from './support';
import { centreWithAdmin, signInAdmin, type StaffCentre } from './staff-support';

const OTHER_TABLET = uuidv7();

/** A local time `daysAgo` days back at `hour` o'clock, as a row's UTC createdAt. */
function at(daysAgo: number, hour: number): string {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo, hour).toISOString();
}

function saleRow(centre: StaffCentre, fields: { by: string; deviceId: string; receiptNo: string; totalFen: number; createdAt: string }): Sale {
  return {
    id: uuidv7(),
    centreId: centre.centreId,
    createdAt: fields.createdAt,
    updatedAt: fields.createdAt,
    createdBy: fields.by,
    receiptNo: fields.receiptNo,
    lines: [],
    totalFen: fields.totalFen,
    tenderedFen: fields.totalFen,
    changeFen: 0,
    payment: 'cash',
    channel: 'counter',
    deviceId: fields.deviceId,
  };
}

/** Two days of work: the admin on this tablet, a clerk on another, and one flagged sale by someone deactivated. */
async function busyCentre() {
  const centre = await centreWithAdmin();
  const admin = centre.admin.row.id;
  const clerk = (await centre.addPerson('Li Qiang', 'clerk')).row.id;
  const gone = (await centre.addPerson('Ma Lin', 'clerk')).row;
  await db.staff.put({ ...gone, active: false, deactivatedAt: at(1, 18) });

  const rice = await createProduct({ sku: 'RICE-5', barcode: '', names: { en: 'Rice 5 kg' }, unit: 'bag', priceFen: 3550, lowStockThreshold: 2 }, centre.ctx);
  await receiveStock({ productId: rice.id, qty: 10, note: '' }, centre.ctx);
  const late = saleRow(centre, { by: gone.id, deviceId: OTHER_TABLET, receiptNo: 'C-0009', totalFen: 1200, createdAt: at(1, 19) });
  await db.sales.bulkPut([
    saleRow(centre, { by: admin, deviceId: centre.deviceId, receiptNo: 'B-0001', totalFen: 3550, createdAt: at(0, 0) }),
    saleRow(centre, { by: clerk, deviceId: OTHER_TABLET, receiptNo: 'C-0007', totalFen: 7100, createdAt: at(0, 0) }),
    saleRow(centre, { by: clerk, deviceId: OTHER_TABLET, receiptNo: 'C-0008', totalFen: 2800, createdAt: at(0, 0) }),
    saleRow(centre, { by: clerk, deviceId: centre.deviceId, receiptNo: 'B-0002', totalFen: 500, createdAt: at(1, 9) }),
    late,
  ]);
  const review: Review = {
    id: uuidv7(),
    centreId: centre.centreId,
    kind: 'sale_by_inactive_staff',
    refTable: 'sales',
    refId: late.id,
    staffId: gone.id,
    deviceId: OTHER_TABLET,
    createdAt: at(0, 0),
    updatedAt: at(0, 0),
    createdBy: gone.id,
  };
  await db.reviews.put(review);
  await signInAdmin(centre);
  return { centre, admin, clerk, gone: gone.id };
}

function person(card: HTMLElement, staffId: string): HTMLElement {
  const found = within(card).getAllByTestId('activity-person').find((el) => el.dataset['staff'] === staffId);
  if (!found) throw new Error(`no row for ${staffId}`);
  return found;
}

describe('activity', () => {
  freshTabletEach('en');

  it('shows each person’s work per day and tablet, with flagged sales on top until checked', async () => {
    const { admin, clerk, gone } = await busyCentre();
    renderApp('/activity?span=week');

    const cards = await screen.findAllByTestId('activity-day-card', {}, { timeout: 5000 });
    const now = new Date();
    const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
    expect(cards.map((c) => c.dataset['day'])).toEqual([localDayKey(now), localDayKey(yesterday)]);

    const adminToday = person(cards[0]!, admin);
    expect(within(adminToday).getByTestId('activity-person-total').textContent).toBe(
      '1 sale · ¥35.50 · 1 delivery received · 1 product added',
    );
    expect(within(adminToday).getAllByTestId('activity-tablet').map((el) => el.textContent)).toEqual([
      'This tablet (Counter tablet, B): 1 sale · ¥35.50 · 1 delivery received',
      'Other changes: 1 product added',
    ]);
    const clerkToday = person(cards[0]!, clerk);
    expect(within(clerkToday).getByTestId('activity-person-total').textContent).toBe('2 sales · ¥99.00');
    expect(within(clerkToday).getByTestId('activity-tablet').textContent).toBe('Tablet C: 2 sales · ¥99.00');

    // Yesterday: the clerk on this tablet, and the late sale of the person since deactivated.
    expect(within(person(cards[1]!, clerk)).getByTestId('activity-tablet').textContent).toBe('This tablet (Counter tablet, B): 1 sale · ¥5.00');
    expect(within(person(cards[1]!, gone)).getByText('Clerk · deactivated')).toBeTruthy();

    const flagged = screen.getByTestId('flagged-sales');
    expect(flagged.textContent).toContain('1 sale by deactivated staff');
    expect(within(flagged).getByTestId('flagged-sale').textContent).toContain('Ma Lin · C-0009');
    expect(within(flagged).getByTestId('flagged-sale').textContent).toContain('Tablet C');
    fireEvent.click(within(flagged).getByTestId('flagged-seen'));
    await waitFor(() => expect(screen.queryByTestId('flagged-sales')).toBeNull());

    // One person only, one day only.
    // A real 'change' (the library's fireEvent.change sends 'input', as preact/compat inputs expect).
    const picker = screen.getByTestId('activity-staff') as HTMLSelectElement;
    picker.value = clerk;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(screen.getAllByTestId('activity-person').map((el) => el.dataset['staff'])).toEqual([clerk, clerk]));
    fireEvent.click(screen.getByTestId('span-day'));
    await waitFor(() => expect(screen.getAllByTestId('activity-day-card')).toHaveLength(1));
    expect(screen.getAllByTestId('activity-person').map((el) => el.dataset['staff'])).toEqual([clerk]);
  });

  it('picks a day on a calendar in the app’s language', async () => {
    await busyCentre();
    renderApp('/activity');
    const label = await screen.findByTestId('activity-day', {}, { timeout: 5000 });
    const now = new Date();
    expect(label.textContent).toContain(String(now.getDate()));
    expect(screen.getByTestId('day-next')).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByTestId('day-previous'));
    await waitFor(() => expect(screen.getByTestId('activity-day').dataset['day']).toBe(localDayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))));

    fireEvent.click(screen.getByTestId('activity-day'));
    const grid = screen.getByTestId('month-grid');
    const first = within(grid).getAllByRole('button').find((b) => b.dataset['day']?.endsWith('-01'))!;
    fireEvent.click(first);
    await waitFor(() => expect(screen.getByTestId('activity-day').dataset['day']).toBe(first.dataset['day']));
    expect(screen.queryByTestId('month-grid')).toBeNull();
  });
});

describe('activity in Uyghur', () => {
  freshTabletEach('ug');

  it('writes the day with Uyghur month and weekday names', async () => {
    await busyCentre();
    renderApp('/activity');
    const label = await screen.findByTestId('activity-day', {}, { timeout: 5000 });
    const now = new Date();
    const month = ug.time.date.months[String(now.getMonth() + 1) as keyof typeof ug.time.date.months];
    const weekday = ug.activity.weekdays.long[String(now.getDay()) as keyof typeof ug.activity.weekdays.long];
    expect(label.textContent).toBe(`${now.getDate()}-${month}، ${now.getFullYear()}، ${weekday}`);
    fireEvent.click(label);
    expect(screen.getByTestId('month-grid-title').textContent).toBe(`${now.getFullYear()}-يىلى ${month}`);
  });
});
