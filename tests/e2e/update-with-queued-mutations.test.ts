import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addToCart, goTo, pendingCount, readyTablet, sell, syncNow } from './support/flows';
import { LinkProxy } from './support/link-proxy';
import { salesFromTablets } from './support/server-db';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

const ROOT = resolve(import.meta.dirname, '../..');
const servedDir = mkdtempSync(join(tmpdir(), 'cunzhan-served-'));
const nextBuildDir = mkdtempSync(join(tmpdir(), 'cunzhan-next-build-'));

let server: ServerProcess;
let proxy: LinkProxy;
let tablet: Tablet;

beforeAll(async () => {
  cpSync(join(ROOT, 'dist/client'), servedDir, { recursive: true });
  server = await ServerProcess.start({ env: { CLIENT_DIR: servedDir } });
  proxy = await LinkProxy.start(() => server.port);
  tablet = await Tablet.open();
});

afterAll(async () => {
  await tablet?.close();
  await proxy?.close();
  await server?.dispose();
  rmSync(servedDir, { recursive: true, force: true });
  rmSync(nextBuildDir, { recursive: true, force: true });
});

/** A real new build of the app, as the county would deploy it. */
function buildNextVersion(buildId: string): void {
  const result = spawnSync('npx', ['vite', 'build', '--outDir', nextBuildDir, '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, CUNZHAN_BUILD_ID: buildId },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
  rmSync(servedDir, { recursive: true, force: true });
  cpSync(nextBuildDir, servedDir, { recursive: true });
}

test('mutations queued before an app update still apply after it', async () => {
  const { page } = tablet;
  await readyTablet(page, proxy.url, server.createEnrolCode(), '李强', '2222');
  await goTo(page, 'settings');
  const oldVersion = await page.getByTestId('app-version').textContent();

  // Two sales queued while no push can get through.
  proxy.blockPushes = true;
  await sell(page, 'NOODLE-DRY');
  await sell(page, 'NOODLE-DRY');
  expect(await pendingCount(page)).toBe(2);

  // A sale in progress when the new build is deployed.
  await addToCart(page, 'RICE-5KG');
  await page.evaluate(() => Object.assign(window, { saleInProgress: true }));

  buildNextVersion('e2e-update');
  // The app's periodic check finds the new service worker; it offers the
  // update and waits for a person to accept it, without reloading the sale away.
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await page.getByTestId('update-banner').waitFor({ timeout: 60_000 });
  expect(await page.evaluate(() => 'saleInProgress' in window)).toBe(true);
  expect(await page.getByTestId('cart-line').count()).toBe(1);
  expect(await pendingCount(page)).toBe(2);
  await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);

  await goTo(page, 'settings');
  await page.getByTestId('app-version').filter({ hasText: 'e2e-update' }).waitFor();
  expect(await page.getByTestId('app-version').textContent()).not.toBe(oldVersion);
  expect(await pendingCount(page)).toBe(2);

  proxy.blockPushes = false;
  await syncNow(page);
  expect(salesFromTablets(server.dataDir)).toHaveLength(2);
});
