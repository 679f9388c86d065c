import { afterAll, beforeAll, expect, test } from 'vitest';
import { countStock, goTo, readyTablet, sell, syncNow } from './support/flows';
import { salesFromTablets, serverRows } from './support/server-db';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

let server: ServerProcess;
let tabletA: Tablet;
let tabletB: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  [tabletA, tabletB] = await Promise.all([Tablet.open(), Tablet.open()]);
});

afterAll(async () => {
  await Promise.all([tabletA?.close(), tabletB?.close()]);
  await server?.dispose();
});

/** The level the stock screen shows for one product, as a person reads it. */
async function shownLevel(tablet: Tablet, sku: string): Promise<number> {
  await goTo(tablet.page, 'stock');
  await tablet.page.getByTestId('stock-search').fill(sku);
  const row = tablet.page.locator(`[data-testid="stock-row"][data-sku="${sku}"]`);
  const text = (await row.getByTestId('stock-level').textContent()) ?? '';
  return Number(/[-−]?\d+/.exec(text)?.[0].replace('−', '-'));
}

test('two tablets that both sold the last unit offline keep both sales, show -1 and an oversold alert', async () => {
  // The manager counts the shelf down from 30 to 1: a write-off that large is an admin's to make.
  await readyTablet(tabletA.page, server.url, server.createEnrolCode(), '王芳', '111111');
  await readyTablet(tabletB.page, server.url, server.createEnrolCode(), '阿依古丽', '3333');

  // One bag left on the shelf, known to both tablets.
  await countStock(tabletA.page, 'FLOUR-5KG', 1);
  await syncNow(tabletA.page);
  await syncNow(tabletB.page);
  expect(await shownLevel(tabletB, 'FLOUR-5KG')).toBe(1);

  await Promise.all([tabletA.setOffline(true), tabletB.setOffline(true)]);
  await sell(tabletA.page, 'FLOUR-5KG');
  await sell(tabletB.page, 'FLOUR-5KG');

  await Promise.all([tabletA.setOffline(false), tabletB.setOffline(false)]);
  await syncNow(tabletA.page);
  await syncNow(tabletB.page);
  await syncNow(tabletA.page);

  const flour = (serverRows(server.dataDir, 'products') as { id: string; sku: string }[]).find((p) => p.sku === 'FLOUR-5KG');
  const flourSales = (salesFromTablets(server.dataDir) as { lines: { productId: string }[] }[]).filter((s) =>
    s.lines.some((l) => l.productId === flour?.id),
  );
  expect(flourSales).toHaveLength(2);
  for (const tablet of [tabletA, tabletB]) {
    expect(await shownLevel(tablet, 'FLOUR-5KG')).toBe(-1);
    const alert = tablet.page.getByTestId('oversold-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('富强面粉');
  }
});
