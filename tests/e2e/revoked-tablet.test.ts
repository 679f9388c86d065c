import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readyTablet, sell } from './support/flows';
import { salesFromTablets } from './support/server-db';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

let server: ServerProcess;
let tablet: Tablet;
let downloads: string;

beforeAll(async () => {
  server = await ServerProcess.start();
  tablet = await Tablet.open();
  downloads = mkdtempSync(join(tmpdir(), 'cunzhan-export-'));
});

afterAll(async () => {
  await tablet?.close();
  await server?.dispose();
  rmSync(downloads, { recursive: true, force: true });
});

function saleReceipts(): string[] {
  return (salesFromTablets(server.dataDir) as { receiptNo: string }[]).map((s) => s.receiptNo).sort();
}

test('a removed tablet stops, keeps its sales, and an admin exports them for the county to import once', async () => {
  const { page } = tablet;
  await readyTablet(page, server.url, server.createEnrolCode(), '李强', '2222');
  const deviceId = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('cunzhan');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const device = await new Promise<{ value: { deviceId: string } }>((ok, fail) => {
      const r = db.transaction('meta').objectStore('meta').get('device');
      r.onsuccess = () => ok(r.result as { value: { deviceId: string } });
      r.onerror = () => fail(r.error);
    });
    db.close();
    return device.value.deviceId;
  });

  await tablet.setOffline(true);
  const receipts = [await sell(page, 'RICE-5KG'), await sell(page, 'OIL-5L', 2)];
  server.admin('revoke-device', deviceId);
  await tablet.setOffline(false);
  // Coming online starts a sync by itself; "Sync now" covers a browser that sends no online event.
  const removed = page.getByTestId('revoked');
  await removed.or(page.locator('[data-testid="sync-now"]:enabled')).first().waitFor({ timeout: 30_000 });
  if ((await removed.count()) === 0) await page.getByTestId('sync-now').click().catch(() => undefined);
  await removed.waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="revoked-pending"][data-count="2"]').waitFor();
  expect(await page.getByTestId('current-staff').count()).toBe(0);
  expect(saleReceipts()).toEqual([]);

  // The centre's admin proves who they are, and the tablet hands over a file.
  await page.getByTestId('export-admin').filter({ hasText: '王芳' }).click();
  await page.getByTestId('pin-input').fill('111111');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pin-submit').click()]);
  expect(download.suggestedFilename()).toMatch(/^cunzhan-export-\d+-[\d-]+\.json$/);
  const file = join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  await page.getByTestId('revoked-exported').waitFor();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; deviceId: string; mutations: { kind: string; proof?: string }[] };
  expect(exported).toMatchObject({ format: 'cunzhan-export-1', deviceId });
  expect(exported.mutations.map((m) => m.kind)).toEqual(['sale.create', 'sale.create']);
  expect(exported.mutations.every((m) => typeof m.proof === 'string')).toBe(true);

  server.admin('import-export', file);
  expect(saleReceipts()).toEqual([...receipts].sort());
  const once = salesFromTablets(server.dataDir);
  server.admin('import-export', file);
  expect(salesFromTablets(server.dataDir)).toEqual(once);

  // Exported, so the tablet may be enrolled afresh without asking to discard anything.
  await page.getByTestId('revoked-enrol-again').click();
  await page.getByTestId('enrol-code').waitFor();
});
