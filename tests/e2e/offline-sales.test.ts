import { afterAll, beforeAll, expect, test } from 'vitest';
import { countStock, pendingCount, readyTablet, sell, syncNow } from './support/flows';
import { salesFromTablets, serverRows } from './support/server-db';
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

test('a tablet keeps selling offline, across a reload, and the server ends with exactly the four sales', async () => {
  const { page } = tablet;
  await readyTablet(page, server.url, server.createEnrolCode(), '李强', '2222');

  await sell(page, 'RICE-5KG');
  await syncNow(page);
  expect(salesFromTablets(server.dataDir)).toHaveLength(1);

  // Saves in quick succession while the tablet syncs after each: every one is shown, none breaks a screen.
  for (let counted = 40; counted < 46; counted++) await countStock(page, 'RICE-5KG', counted);
  await syncNow(page);
  expect(serverRows(server.dataDir, 'movements').filter((m) => (m as { reason: string }).reason === 'count')).toHaveLength(6);

  await tablet.setOffline(true);
  await page.reload();
  // The app shell comes from the service worker and the session survives the reload.
  await page.getByTestId('online-state').waitFor();
  await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-online')).toBe('false');

  for (let i = 0; i < 3; i++) await sell(page, 'NOODLE-DRY');
  expect(await pendingCount(page)).toBe(3);
  expect(salesFromTablets(server.dataDir)).toHaveLength(1);

  await tablet.setOffline(false);
  await syncNow(page);
  const sales = salesFromTablets(server.dataDir) as { id: string }[];
  expect(sales).toHaveLength(4);
  expect(new Set(sales.map((s) => s.id)).size).toBe(4);
});
