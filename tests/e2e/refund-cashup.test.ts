import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { goTo, readyTablet, sell } from './support/flows';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

let server: ServerProcess;
let tablet: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  tablet = await Tablet.open();
  // A clerk: refunds are theirs to make as well as an admin's.
  await readyTablet(tablet.page, server.url, server.createEnrolCode(), '李强', '2222');
});

afterAll(async () => {
  await tablet?.close();
  await server?.dispose();
});

/** Fen from an amount as the screen shows it (¥119.70). */
function fenOf(text: string | null): number {
  const yuan = /(\d+)\.(\d{2})/.exec((text ?? '').replace(/,/g, ''));
  if (!yuan) throw new Error(`not an amount: ${text}`);
  return Number(yuan[1]) * 100 + Number(yuan[2]);
}

/** The level the stock screen shows for one product. */
async function shownLevel(page: Page, sku: string): Promise<number> {
  await goTo(page, 'stock');
  await page.getByTestId('stock-search').fill(sku);
  const text = (await page.locator(`[data-testid="stock-row"][data-sku="${sku}"]`).getByTestId('stock-level').textContent()) ?? '';
  return Number(/[-−]?\d+/.exec(text)?.[0].replace('−', '-'));
}

test('a partial return of one line puts its goods back in stock and its cash shows in the day’s cash-up', async () => {
  const { page } = tablet;
  const riceBefore = await shownLevel(page, 'RICE-5KG');

  // Three bags of rice and a bottle of oil, paid in cash.
  await goTo(page, 'sell');
  await page.getByTestId('product-search').fill('RICE-5KG');
  await page.getByTestId('product-tile').first().click();
  await page.getByTestId('qty-plus').first().click();
  await page.getByTestId('qty-plus').first().click();
  const receiptNo = await sell(page, 'OIL-1L8');
  expect(await shownLevel(page, 'RICE-5KG')).toBe(riceBefore - 3);

  // The receipt, from the day's sales: one of the three bags comes back, onto the shelf.
  await goTo(page, 'sales');
  await page.getByTestId('sale-row').filter({ hasText: receiptNo }).click();
  const saleTotal = fenOf(await page.getByTestId('receipt-total').textContent());
  await page.getByTestId('sale-refund').click();
  await page.getByTestId('refund-form').waitFor();
  const rice = page.getByTestId('refund-line').filter({ hasText: '大米' });
  await rice.getByTestId('refund-plus').click();
  expect(await rice.getByTestId('refund-qty').inputValue()).toBe('1');
  await page.getByTestId('refund-goods-shelf').click();
  await page.getByTestId('refund-reason').fill('顾客多买了一袋');
  const refundFen = fenOf(await page.getByTestId('refund-preview-total').textContent());
  expect(refundFen).toBe(3990);
  expect(fenOf(await page.getByTestId('refund-preview-cash').textContent())).toBe(refundFen);
  await page.getByTestId('refund-confirm').click();
  await page.waitForURL(/\/refunds\/[0-9a-f-]+$/);

  // The receipt says what came back, and the sales list marks the sale.
  await goTo(page, 'sales');
  const row = page.getByTestId('sale-row').filter({ hasText: receiptNo });
  await row.getByTestId('sale-badge-refunded').waitFor();
  await row.click();
  expect(fenOf(await page.getByTestId('sale-refunded-total').textContent())).toBe(refundFen);

  // One bag back on the shelf.
  expect(await shownLevel(page, 'RICE-5KG')).toBe(riceBefore - 2);

  // The cash-up: the sale's cash in, the refund's cash out, and the drawer expects the difference.
  await goTo(page, 'cashup');
  await page.getByTestId('pin-input').fill('2222');
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('cashup-form').waitFor();
  expect(fenOf(await page.getByTestId('cashup-in').textContent())).toBe(saleTotal);
  expect(fenOf(await page.getByTestId('cashup-out').textContent())).toBe(refundFen);
  await page.getByTestId('cashup-float').fill('200');
  expect(fenOf(await page.getByTestId('cashup-expected').textContent())).toBe(20_000 + saleTotal - refundFen);
});
