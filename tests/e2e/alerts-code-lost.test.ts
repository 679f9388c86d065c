import { afterAll, beforeAll, expect, test } from 'vitest';
import { forgetCachedApp, readyTablet, sell } from './support/flows';
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

test("sync's alerts come after the first screen; when their code cannot be fetched, the counter sells on without them", async () => {
  const { page } = tablet;
  await readyTablet(page, server.url, server.createEnrolCode(), '李强', '2222');
  // Nothing cached, as on a first visit, and the alerts' file lost on the way.
  await forgetCachedApp(page);
  const alertsFile = /\/assets\/SyncAlerts-[\w-]+\.js$/;
  await page.route(alertsFile, (route) => route.abort('connectionreset'));
  const lost = page.waitForEvent('requestfailed', (request) => alertsFile.test(new URL(request.url()).pathname));

  await page.reload();
  await page.getByTestId('product-tile').first().waitFor();
  // The first tap asks for them.
  await page.getByTestId('product-tile').first().click();
  await lost;

  const receiptNo = await sell(page, 'RICE-5KG');
  expect(receiptNo).not.toBe('');
  expect(await page.getByTestId('screen-error').count()).toBe(0);
  expect(await page.getByTestId('sync-alerts').count()).toBe(0);
  expect(await page.getByTestId('product-tile').count()).toBeGreaterThan(0);
});
