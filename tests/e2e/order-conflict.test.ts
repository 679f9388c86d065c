import { afterAll, beforeAll, expect, test } from 'vitest';
import { readyTablet, syncNow } from './support/flows';
import { addVillager, moveOrder, openOrder, placeOrder, shownOrderStatus } from './support/order-flows';
import { serverRows } from './support/server-db';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

let server: ServerProcess;
let tabletA: Tablet;
let tabletB: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  [tabletA, tabletB] = await Promise.all([Tablet.open(), Tablet.open()]);
  // An admin and a clerk, each on their own tablet; the platforms come with the first sync.
  await readyTablet(tabletA.page, server.url, server.createEnrolCode(), '王芳', '111111');
  await readyTablet(tabletB.page, server.url, server.createEnrolCode(), '李强', '2222');
  await syncNow(tabletA.page);
});

afterAll(async () => {
  await Promise.all([tabletA?.close(), tabletB?.close()]);
  await server?.dispose();
});

interface OrderRow {
  id: string;
  status: string;
  history: { status: string; deviceId: string; supersededBy?: string }[];
}

test('one tablet cancels a paid order while the other ships it, both offline: after sync both show shipped, and the canceller is told', async () => {
  const a = tabletA.page;
  const b = tabletB.page;
  await addVillager(a, '买买提', '13698765432', '阿克苏村');
  const orderId = await placeOrder(a, '拼多多', { name: '化肥 50kg', qty: '２', price: '１２０' }, '0');
  await moveOrder(a, 'paid');
  await syncNow(a);
  await syncNow(b);
  await openOrder(b, orderId, 'paid');

  await Promise.all([tabletA.setOffline(true), tabletB.setOffline(true)]);
  await moveOrder(a, 'cancelled');
  await moveOrder(b, 'shipped');

  // A's cancel reaches the server first (a tablet syncs by itself once online, so one comes back at a time);
  // B's shipping, made from the same "paid", goes further and wins.
  await tabletA.setOffline(false);
  await syncNow(a);
  await tabletB.setOffline(false);
  await syncNow(b);
  await syncNow(a);

  for (const page of [a, b]) {
    await page.locator('[data-testid="order-status"][data-status="shipped"]').first().waitFor({ timeout: 30_000 });
    expect(await shownOrderStatus(page)).toBe('shipped');
  }
  const notice = a.getByTestId('order-overtaken');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('另一台平板');
  expect(await b.getByTestId('order-overtaken').count()).toBe(0);
  expect(await a.locator('[data-testid="history-row"][data-overtaken="true"]').getAttribute('data-status')).toBe('cancelled');

  const order = (serverRows(server.dataDir, 'orders') as OrderRow[]).find((o) => o.id === orderId)!;
  expect(order.status).toBe('shipped');
  expect(order.history.map((h) => [h.status, h.supersededBy !== undefined])).toEqual([
    ['placed', false],
    ['paid', false],
    ['cancelled', true],
    ['shipped', false],
  ]);
});

test('when the shipping reaches the server first, the late cancel is refused and the canceller sees why', async () => {
  const a = tabletA.page;
  const b = tabletB.page;
  await addVillager(a, '古丽', '13512345678', '阿克苏村');
  const orderId = await placeOrder(a, '京东', { name: '电动车电池', qty: '1', price: '680' }, '10');
  await moveOrder(a, 'paid');
  await syncNow(a);
  await syncNow(b);
  await openOrder(b, orderId, 'paid');

  await Promise.all([tabletA.setOffline(true), tabletB.setOffline(true)]);
  await moveOrder(a, 'cancelled');
  await moveOrder(b, 'shipped');

  await tabletB.setOffline(false);
  await syncNow(b);
  await tabletA.setOffline(false);
  await syncNow(a);

  await a.locator('[data-testid="order-status"][data-status="shipped"]').first().waitFor({ timeout: 30_000 });
  expect(await shownOrderStatus(b)).toBe('shipped');
  await a.getByTestId('refusals-notice').waitFor();
  await a.getByTestId('refusals-notice').getByRole('link').click();
  const refusal = a.getByTestId('refusal').filter({ hasText: '订单状态变更' });
  expect(await refusal.textContent()).toContain('另一台平板先修改了这个订单');

  const order = (serverRows(server.dataDir, 'orders') as OrderRow[]).find((o) => o.id === orderId)!;
  expect(order.history.map((h) => h.status)).toEqual(['placed', 'paid', 'shipped']);
});
