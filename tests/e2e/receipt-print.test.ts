import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { createRequire } from 'node:module';
import { goTo, readyTablet, sell } from './support/flows';
import { readReceiptPdf } from './support/receipt-pdf';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

/**
 * Receipts on paper: a cash sale's receipt printed (as the PDF the tablet's
 * print dialog makes) holds the total, the centre's name and phone and a QR
 * code of the sale's id, and nothing of the screen around it; the same
 * receipt prints again from the day's sales; shared as an image it is a PNG
 * whose QR code reads the same id; a repayment prints its own receipt; the
 * cash-up leads back to both.
 */

let server: ServerProcess;
let tablet: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  tablet = await Tablet.open();
  await tablet.page.setViewportSize({ width: 800, height: 1280 });
  await readyTablet(tablet.page, server.url, server.createEnrolCode(), '王芳', '111111');
});

afterAll(async () => {
  await tablet?.close();
  await server?.dispose();
});

/** The print button calls the browser's print; the PDF is what that print makes of the page. */
async function printed(page: Page, button: string) {
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByTestId(button).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return readReceiptPdf(pdf);
}

/** Points: 58 mm is 164.4 pt. */
async function pageWidths(pdf: Buffer): Promise<number[]> {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+[\d.]+\s*\]/g)].map((m) => Number(m[1]));
}

const idFromPath = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;

test('a cash sale prints a 58 mm receipt with its total, the centre and a QR of its id, and prints again from the day’s sales', async () => {
  const { page } = tablet;
  // One bag of rice, paid exactly in cash; the flow leaves the receipt for a new sale.
  const receiptNo = await sell(page, 'RICE-5KG');
  await goTo(page, 'sales');
  await page.getByTestId('sale-row').filter({ hasText: receiptNo }).click();
  await page.getByTestId('receipt').waitFor();
  const saleId = idFromPath(page);
  const total = ((await page.getByTestId('receipt-total').textContent()) ?? '').replace('¥', '');
  expect(total).toMatch(/^\d+\.\d\d$/);

  const first = await printed(page, 'receipt-print');
  expect(first.text).toContain(total);
  expect(first.text).toContain('演示服务站');
  expect(first.text).toContain('0991-555 0123');
  expect(first.text).toContain(receiptNo);
  expect(first.qrTexts).toEqual([saleId]);
  // Only the receipt is on paper: not the tab bar, not the buttons.
  expect(first.text).not.toContain('打印');
  expect(first.text).not.toContain('更多');

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const widths = await pageWidths(pdf);
  expect(widths.length).toBeGreaterThan(0);
  for (const width of widths) expect(Math.abs(width - 164.4)).toBeLessThan(1);

  // Reprinted from the history, the next day's way back to it.
  await goTo(page, 'sales');
  await page.getByTestId('sale-row').filter({ hasText: receiptNo }).click();
  await page.locator(`[data-testid="receipt"][data-receipt-id="${saleId}"]`).waitFor();
  const again = await printed(page, 'receipt-print');
  expect(again.text).toContain(total);
  expect(again.qrTexts).toEqual([saleId]);
});

test('shared as an image, the receipt is a PNG whose QR code reads its id', async () => {
  const { page } = tablet;
  const saleId = idFromPath(page);
  // Desktop Chromium has no share sheet: the image is saved as a download.
  const download = page.waitForEvent('download');
  await page.getByTestId('receipt-share').click();
  const file = await (await download).path();
  await page.locator('[data-testid="receipt-share-outcome"][data-outcome="downloaded"]').waitFor();
  const png = await readFile(file);
  expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  const wasm = await readFile(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) }, fireImmediately: true });
  const codes = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] });
  expect(codes.map((c) => c.text)).toEqual([saleId]);
});

test('a repayment prints its own receipt, the statement prints the ledger, and the cash-up leads back to both receipts', async () => {
  const { page } = tablet;
  await goTo(page, 'villagers');
  await page.getByTestId('villagers-search').fill('张桂兰');
  await page.getByTestId('villager-row').filter({ hasText: '张桂兰' }).first().click();
  await page.getByTestId('credit-repay').click();
  await page.getByTestId('repay-amount').fill('10');
  await page.getByTestId('payment-exact').click();
  await page.getByTestId('repay-confirm').click();
  await page.getByTestId('repay-receipt').click();
  await page.locator('[data-testid="receipt"][data-receipt-kind="repayment"]').waitFor();
  const repaymentId = idFromPath(page);
  expect(await page.getByTestId('receipt-total').textContent()).toBe('¥10.00');
  const slip = await printed(page, 'receipt-print');
  expect(slip.text).toContain('还款收据');
  expect(slip.text).toContain('10.00');
  expect(slip.qrTexts).toEqual([repaymentId]);

  // The villager's page lists it, a tap from its receipt; their statement ends with it.
  await page.getByTestId('repayment-villager').click();
  await page.locator('[data-testid="villager-repayment"]').filter({ hasText: '¥10.00' }).first().click();
  await page.locator(`[data-testid="receipt"][data-receipt-id="${repaymentId}"]`).waitFor();
  await page.getByTestId('repayment-villager').click();
  await page.getByTestId('credit-statement').click();
  await page.getByTestId('statement-row').last().waitFor();
  expect(await page.getByTestId('statement-row').last().getAttribute('data-source')).toBe('repayment');
  const statement = await printed(page, 'statement-print');
  expect(statement.text).toContain('赊账对账单');
  expect(statement.text).toContain('张桂兰');

  // The cash-up (PIN again) lists today's receipts; one tap opens the repayment's to print again.
  await goTo(page, 'cashup');
  await page.getByTestId('pin-input').fill('111111');
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('till-receipts').waitFor();
  expect(await page.locator('[data-testid="till-receipt"][data-kind="sale"]').count()).toBeGreaterThan(0);
  const cashUp = await printed(page, 'cashup-print');
  expect(cashUp.text).toContain('日结');
  await page.locator('[data-testid="till-receipt"][data-kind="repayment"]').first().click();
  await page.locator(`[data-testid="receipt"][data-receipt-id="${repaymentId}"]`).waitFor();
});
