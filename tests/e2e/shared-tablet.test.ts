import { afterAll, beforeAll, expect, test } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/protocol/version';
import { addToCart, goTo, login, lockTablet, readyTablet, sell, switchTo, syncNow } from './support/flows';
import { salesFromTablets, serverRows } from './support/server-db';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';
import { craftSignedPriceChange, setTabletMeta } from './support/tablet-db';

let server: ServerProcess;
let counter: Tablet;
let second: Tablet;
let elsewhere: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  [counter, second, elsewhere] = await Promise.all([Tablet.open(), Tablet.open(), Tablet.open()]);
});

afterAll(async () => {
  await Promise.all([counter?.close(), second?.close(), elsewhere?.close()]);
  await server?.dispose();
});

interface ServerSale {
  receiptNo: string;
  createdBy: string;
}

function staffIdOf(name: string): string {
  const row = (serverRows(server.dataDir, 'staff') as { id: string; name: string }[]).find((s) => s.name === name);
  if (!row) throw new Error(`no staff ${name} on the server`);
  return row.id;
}

test('two clerks share one tablet offline: each sale is theirs, each cart waits for its person, and the server checks every proof', async () => {
  const { page } = counter;
  await readyTablet(page, server.url, server.createEnrolCode(), '李强', '2222');
  await readyTablet(second.page, server.url, server.createEnrolCode(), '阿依古丽', '3333');

  await counter.setOffline(true);
  const first = await sell(page, 'RICE-5KG');
  // A villager is still choosing: the cart is parked when 李强 locks the tablet.
  await addToCart(page, 'SALT-400');
  await page.getByTestId('cart-line').first().waitFor();

  await switchTo(page, '阿依古丽', '3333');
  expect(await page.getByTestId('cart-line').count()).toBe(0);
  const other = await sell(page, 'FLOUR-5KG');

  await switchTo(page, '李强', '2222');
  await goTo(page, 'sell');
  await page.getByTestId('cart-line').first().waitFor();
  expect(await page.getByTestId('cart-line').count()).toBe(1);

  await counter.setOffline(false);
  await syncNow(page);
  const sales = salesFromTablets(server.dataDir) as ServerSale[];
  expect(sales.find((s) => s.receiptNo === first)?.createdBy).toBe(staffIdOf('李强'));
  expect(sales.find((s) => s.receiptNo === other)?.createdBy).toBe(staffIdOf('阿依古丽'));
  // The server applies nothing without a proof that verifies, and refused none of these.
  await page.getByTestId('sync-alerts').waitFor({ state: 'attached' });
  expect(await page.getByTestId('refusals-notice').count()).toBe(0);

  // The other tablet of the centre sees both sales after its own sync.
  await syncNow(second.page);
  await goTo(second.page, 'sales');
  await second.page.getByText(first).first().waitFor();
});

test('a clerk cannot open staff management, and a price change they craft themselves is refused and undone', async () => {
  const { page } = counter;
  expect(await page.getByTestId('nav-staff').count()).toBe(0);
  // A typed address: the reload keeps the clerk signed in (keys kept for the tab) and shows "not allowed".
  await page.goto(`${server.url}/staff`);
  await page.getByTestId('not-allowed').waitFor();
  expect(await page.getByTestId('current-staff').textContent()).toBe('李强');

  await goTo(page, 'products');
  expect(await page.getByTestId('add-product').count()).toBe(0);
  const row = page.locator('[data-testid="product-row"][data-sku="RICE-5KG"]');
  const priceBefore = await row.locator('.amount').textContent();
  await craftSignedPriceChange(page, 'RICE-5KG', 1, PROTOCOL_VERSION);
  await syncNow(page);

  await page.getByTestId('refusals-notice').waitFor();
  await goTo(page, 'sell');
  await goTo(page, 'products');
  expect(await row.locator('.amount').textContent()).toBe(priceBefore);
  const rice = (serverRows(server.dataDir, 'products') as { sku: string; priceFen: number }[]).find((p) => p.sku === 'RICE-5KG');
  expect(rice?.priceFen).not.toBe(1);
});

test('the tablet locks itself after the idle time, keeping the cart for its person', async () => {
  const { page } = counter;
  await setTabletMeta(page, 'idleLockMs', 1500);
  await page.reload();
  await page.getByTestId('current-staff').waitFor();
  const reason = page.getByTestId('logout-reason');
  await reason.waitFor({ timeout: 30_000 });
  expect(await reason.getAttribute('data-reason')).toBe('idle');
  await setTabletMeta(page, 'idleLockMs', 120_000);
  await login(page, '李强', '2222');
  await goTo(page, 'sell');
  await page.getByTestId('cart-line').first().waitFor();
  await lockTablet(page);
});

test("a tablet of another centre sees only its own people and goods", async () => {
  const centreId = server.admin('create-centre', '--name', '东风村服务站', '--name-en', 'Dongfeng').trim().split('\n').pop()!;
  server.admin('add-staff', '--centre', centreId, '--name', '马丽', '--role', 'admin', '--pin', '246810');
  await readyTablet(elsewhere.page, server.url, server.createEnrolCode(centreId), '马丽', '246810');
  await syncNow(elsewhere.page);
  await lockTablet(elsewhere.page);
  const names = await elsewhere.page.getByTestId('staff-tile').allTextContents();
  expect(names.join(' ')).toContain('马丽');
  expect(names.join(' ')).not.toContain('李强');
});
