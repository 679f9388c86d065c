import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import { db } from '../../src/client/data/db';
import { ORDERS_PAGE } from '../../src/client/data/queries/orders';
import { putSyncedRows } from '../../src/client/data/synced-rows';
import type { Order } from '../../src/shared/domain/orders';
import { ORDER_EDGES, type OrderStatus } from '../../src/shared/domain/order-status';
import { uuidv7 } from '../../src/shared/domain/ids';
import { orderAt, villagerAndPlatform } from './orders-support';
import { enrolledTablet, freshTabletEach, renderApp } from './support';

function type(testId: string, value: string, index = 0) {
  fireEvent.input(screen.getAllByTestId(testId)[index]!, { target: { value } });
}

describe('assisted orders', () => {
  freshTabletEach('en');

  it('the form works out the total as typed, full-width digits too, and refuses a deposit above it', async () => {
    const centre = await enrolledTablet();
    await villagerAndPlatform(centre);
    await login(centre.staff.id, centre.pin);
    const { router } = renderApp('/orders/new');

    fireEvent.click(await screen.findByTestId('villager-option', {}, { timeout: 5000 }));
    await screen.findByTestId('villager-chosen');
    fireEvent.click(within(await screen.findByTestId('platform-choice')).getByRole('radio'));
    type('order-platform-no', 'TB-20260101-1');
    type('line-name', 'Rice cooker');
    type('line-qty', '２');
    type('line-price', '１２.５０');
    type('order-delivery-fee', '5');
    type('order-service-fee', '２');
    expect(screen.getByTestId('order-total').textContent).toBe('¥32.00');

    fireEvent.click(screen.getByTestId('add-line'));
    type('line-name', 'Kettle', 1);
    type('line-price', '8', 1);
    expect(screen.getByTestId('order-total').textContent).toBe('¥40.00');

    type('order-deposit', '41');
    fireEvent.click(screen.getByTestId('order-save'));
    expect((await screen.findByText('The deposit cannot be more than the total')).className).toContain('error-text');
    expect(await db.orders.count()).toBe(0);

    type('order-deposit', '10');
    fireEvent.click(screen.getByTestId('order-save'));
    await screen.findByTestId('order-summary');
    const [order] = await db.orders.toArray();
    expect(order).toMatchObject({ totalFen: 4000, depositFen: 1000, deliveryFeeFen: 500, serviceFeeFen: 200, status: 'placed', platformOrderNo: 'TB-20260101-1' });
    expect(order!.lines).toEqual([
      { name: 'Rice cooker', qty: 2, unitPriceFen: 1250 },
      { name: 'Kettle', qty: 1, unitPriceFen: 800 },
    ]);
    expect(router.state.location.pathname).toBe(`/orders/${order!.id}`);
    expect(screen.getByTestId('order-total-shown').textContent).toBe('¥40.00');
    expect((await db.outbox.toArray()).map((e) => e.kind)).toEqual(['order.create']);
  });

  it('offers exactly the legal next steps for each status, and a tap moves the order on with a history entry', async () => {
    const centre = await enrolledTablet();
    const { customer, platform } = await villagerAndPlatform(centre);
    await login(centre.staff.id, centre.pin);
    const first = await orderAt(centre, customer, platform, 'draft');
    const { router } = renderApp(`/orders/${first.id}`);
    await screen.findByTestId('order-actions', {}, { timeout: 5000 });

    const statuses = Object.keys(ORDER_EDGES) as OrderStatus[];
    for (const status of statuses) {
      const order = await orderAt(centre, customer, platform, status);
      await router.navigate({ to: '/orders/$orderId', params: { orderId: order.id } });
      await waitFor(() => expect(shownStatus()).toBe(status));
      const offered = within(screen.getByTestId('order-actions'))
        .queryAllByRole('button')
        .map((b) => b.dataset['testid']!.replace('order-to-', ''));
      expect(offered.sort(), status).toEqual([...ORDER_EDGES[status]].sort());
      expect(screen.queryByTestId('order-log-parcel') !== null, status).toBe(['placed', 'paid', 'shipped'].includes(status));
    }

    const placed = await orderAt(centre, customer, platform, 'placed');
    await router.navigate({ to: '/orders/$orderId', params: { orderId: placed.id } });
    fireEvent.click(await screen.findByTestId('order-to-paid'));
    await waitFor(() => expect(shownStatus()).toBe('paid'));
    expect(screen.getAllByTestId('history-row').map((r) => r.dataset['status'])).toEqual(['placed', 'paid']);

    // Cancelling asks twice.
    fireEvent.click(screen.getByTestId('order-to-cancelled'));
    fireEvent.click(await screen.findByTestId('order-confirm'));
    await waitFor(() => expect(shownStatus()).toBe('cancelled'));
    expect(screen.queryAllByTestId('order-actions')[0]!.querySelectorAll('button')).toHaveLength(0);
  });

  it("shows this tablet's overtaken change as a notice, and the list flags a late order", async () => {
    const centre = await enrolledTablet();
    const { customer, platform } = await villagerAndPlatform(centre);
    await login(centre.staff.id, centre.pin);
    const overtaken = await orderAt(centre, customer, platform, 'shipped', [
      { status: 'cancelled', at: new Date().toISOString(), staffId: centre.staff.id, deviceId: centre.deviceId, mutationId: uuidv7(), supersededBy: uuidv7() },
    ]);
    const { router } = renderApp(`/orders/${overtaken.id}`);
    const notice = await screen.findByTestId('order-overtaken', {}, { timeout: 5000 });
    expect(notice.textContent).toContain('overtaken by another tablet');
    expect(notice.textContent).toContain('Shipped');

    const late = await orderAt(centre, customer, platform, 'placed');
    const sixDaysAgo = new Date(Date.now() - 6 * 24 * 3600 * 1000).toISOString();
    await db.orders.put({ ...late, createdAt: sixDaysAgo, history: late.history.map((h) => ({ ...h, at: sixDaysAgo })) });
    await router.navigate({ to: '/orders', search: { view: 'flagged' } });
    const row = await screen.findByTestId('order-row');
    expect(row.dataset['flag']).toBe('notShipped');
    expect(row.textContent).toContain('Not shipped after 5 days');
  });
  it('lists collected orders a page at a time, newest first, and "show more" reads the next page', async () => {
    const centre = await enrolledTablet();
    const { customer, platform } = await villagerAndPlatform(centre);
    await login(centre.staff.id, centre.pin);
    const total = ORDERS_PAGE + 5;
    const collected: Order[] = [];
    for (let i = 0; i < total; i++) {
      // Closed on the days before today, the last of them most recently.
      const closedAt = new Date(Date.now() - (total - i) * 3_600_000).toISOString();
      const order = await orderAt(centre, customer, platform, 'collected');
      const moved = { ...order, updatedAt: closedAt, platformOrderNo: `TB-${i}` };
      await putSyncedRows(db, 'orders', [moved]);
      collected.push(moved);
    }
    await orderAt(centre, customer, platform, 'placed');
    renderApp('/orders');
    fireEvent.click(await screen.findByTestId('orders-view-collected', {}, { timeout: 5000 }));

    const shownIds = () => screen.queryAllByTestId('order-row').map((r) => r.getAttribute('href')!.split('/').pop());
    const newestFirst = collected.map((o) => o.id).reverse();
    await waitFor(() => expect(shownIds()).toEqual(newestFirst.slice(0, ORDERS_PAGE)));
    expect(within(screen.getByTestId('orders-view-collected')).getByTestId('orders-count').textContent).toBe(String(total));
    const more = screen.getByTestId('orders-more');
    expect(more.textContent).toContain('5');

    fireEvent.click(more);
    await waitFor(() => expect(shownIds()).toEqual(newestFirst));
    expect(screen.queryByTestId('orders-more')).toBeNull();

    // The placed list is another view: it shows its one order, and no button.
    fireEvent.click(screen.getByTestId('orders-view-placed'));
    await waitFor(() => expect(screen.queryAllByTestId('order-row')).toHaveLength(1));
    expect(screen.queryByTestId('orders-more')).toBeNull();
  });
});

function shownStatus(): string | undefined {
  return screen.getAllByTestId('order-status')[0]!.dataset['status'];
}
