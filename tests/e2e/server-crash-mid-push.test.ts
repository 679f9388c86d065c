import { afterAll, beforeAll, expect, test } from 'vitest';
import { pendingCount, readyTablet, sell, syncNow } from './support/flows';
import { LinkProxy } from './support/link-proxy';
import { salesFromTablets } from './support/server-db';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

let server: ServerProcess;
let proxy: LinkProxy;
let tablet: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  proxy = await LinkProxy.start(() => server.port);
  tablet = await Tablet.open();
});

afterAll(async () => {
  await tablet?.close();
  await proxy?.close();
  await server?.dispose();
});

test('a server killed in the middle of a push loses nothing and duplicates nothing after the retry', async () => {
  const { page } = tablet;
  await readyTablet(page, proxy.url, server.createEnrolCode(), '王芳', '111111');

  await tablet.setOffline(true);
  for (let i = 0; i < 3; i++) await sell(page, 'RICE-5KG');
  expect(await pendingCount(page)).toBe(3);

  // The server commits the batch, then dies before the tablet hears the answer.
  const killed = new Promise<void>((done) =>
    proxy.cutNextPushAfterServerAnswers(async () => {
      await server.kill();
      done();
    }),
  );
  await tablet.setOffline(false);
  await page.getByTestId('sync-now').click();
  await killed;
  await page.locator('[data-testid="sync-status"][data-syncing="false"]').waitFor();
  expect(await pendingCount(page)).toBe(3);
  expect(salesFromTablets(server.dataDir)).toHaveLength(3);

  // Two more sales while the server is down, then it comes back.
  for (let i = 0; i < 2; i++) await sell(page, 'RICE-5KG');
  await server.launch();
  await syncNow(page);

  const sales = salesFromTablets(server.dataDir) as { id: string }[];
  expect(sales).toHaveLength(5);
  expect(new Set(sales.map((s) => s.id)).size).toBe(5);
});
