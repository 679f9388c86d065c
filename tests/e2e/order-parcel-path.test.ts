import { afterAll, beforeAll, expect, test } from 'vitest';
import { pendingCount, readyTablet, syncNow } from './support/flows';
import { addVillager, moveOrder, placeOrder, shownOrderStatus } from './support/order-flows';
import { serverRows } from './support/server-db';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

let server: ServerProcess;
let tablet: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  tablet = await Tablet.open();
});

afterAll(async () => {
  await tablet?.close();
  await server?.dispose();
});

interface HistoryEntry {
  status: string;
  mutationId: string;
  supersededBy?: string;
}
interface OrderRow {
  id: string;
  status: string;
  totalFen: number;
  history: HistoryEntry[];
}
interface ParcelRow {
  id: string;
  trackingNo: string;
  orderId: string | null;
  status: string;
  pickupCode: string;
  handoverMethod: string | null;
}

test('an assisted order goes from placed to collected, partly offline, and the server ends with the same history', async () => {
  const { page } = tablet;
  await readyTablet(page, server.url, server.createEnrolCode(), '李强', '2222');
  // The platforms the server seeds for the centre come with the first sync.
  await syncNow(page);

  await addVillager(page, '张秀英', '139 1234 5678', '红星村');
  const orderId = await placeOrder(page, '淘宝', { name: '电饭煲', qty: '1', price: '199' }, '5');
  expect(await page.getByTestId('order-total-shown').textContent()).toBe('¥204.00');
  await syncNow(page);

  // The link goes down: payment, shipping and the parcel's arrival are recorded offline, across a reload.
  await tablet.setOffline(true);
  await moveOrder(page, 'paid');
  await page.reload();
  await page.getByTestId('order-summary').waitFor({ timeout: 30_000 });
  await moveOrder(page, 'shipped');

  await page.getByTestId('order-log-parcel').click();
  await page.getByTestId('villager-chosen').waitFor();
  expect(await page.getByTestId('parcel-order-choice').locator('input').isChecked()).toBe(true);
  // A scanner types the number and presses Enter.
  await page.getByTestId('parcel-tracking').pressSequentially('sf1400 123456789');
  await page.getByTestId('parcel-tracking').press('Enter');
  await page.getByTestId('parcel-save').click();
  await page.getByTestId('parcel-pickup-code').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('parcel-tracking-shown').textContent()).toBe('SF1400123456789');
  expect(await pendingCount(page)).toBe(3);

  await tablet.setOffline(false);
  await syncNow(page);

  // The code the villager gets is the one the server claimed (the same, unless another tablet held it).
  const ourParcel = () => (serverRows(server.dataDir, 'parcels') as ParcelRow[]).find((p) => p.trackingNo === 'SF1400123456789')!;
  const parcel = ourParcel();
  expect(parcel).toMatchObject({ orderId, status: 'waiting' });
  await page.getByTestId('parcel-pickup-code').filter({ hasText: parcel.pickupCode }).waitFor();

  await page.getByTestId('parcel-order-link').click();
  expect(await shownOrderStatus(page)).toBe('arrived');
  await page.getByTestId('order-handover').click();
  await page.getByTestId('handover-code').fill(parcel.pickupCode);
  await page.getByTestId('handover-submit').click();
  await page.locator('[data-testid="parcel-status"][data-status="collected"]').waitFor({ timeout: 30_000 });
  await syncNow(page);

  await page.getByTestId('parcel-order-link').click();
  await page.locator('[data-testid="order-status"][data-status="collected"]').first().waitFor();
  const shownHistory = await page.getByTestId('history-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
  expect(shownHistory).toEqual(['placed', 'paid', 'shipped', 'arrived', 'collected']);

  const order = (serverRows(server.dataDir, 'orders') as OrderRow[]).find((o) => o.id === orderId)!;
  expect(order.status).toBe('collected');
  expect(order.totalFen).toBe(20400);
  expect(order.history.map((h) => h.status)).toEqual(shownHistory);
  expect(order.history.every((h) => h.supersededBy === undefined)).toBe(true);
  expect(ourParcel()).toMatchObject({ status: 'collected', handoverMethod: 'code' });
  expect((serverRows(server.dataDir, 'customers') as { name: string }[]).filter((c) => c.name === '张秀英')).toHaveLength(1);
});
