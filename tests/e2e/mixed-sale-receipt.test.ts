import { afterAll, beforeAll, expect, test } from 'vitest';
import { goTo, readyTablet, sellCashAndCredit } from './support/flows';
import { readReceiptPdf } from './support/receipt-pdf';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

/**
 * A villager pays part in cash and the rest on credit. The receipt prints
 * (as a PDF, the way the tablet's print dialog makes one) with the total, its
 * QR code and the centre's name; the villager's page shows what they now owe.
 */

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

/** The demo villager who paid everything back (see the demo seed's credit ledger). */
const VILLAGER = '陈志强';

/** Opens the villager's page and returns what it says they owe. */
async function openVillager(): Promise<string> {
  const { page } = tablet;
  await goTo(page, 'villagers');
  await page.getByTestId('villagers-search').fill(VILLAGER);
  await page.getByTestId('villager-row').filter({ hasText: VILLAGER }).first().click();
  return (await page.getByTestId('credit-balance').textContent()) ?? '';
}

test('a sale paid ¥20 in cash and the rest on credit prints its receipt, and the villager owes the rest', async () => {
  const { page } = tablet;
  await page.setViewportSize({ width: 800, height: 1280 });
  await readyTablet(page, server.url, server.createEnrolCode(), '王芳', '111111');
  // Paid off: nothing owed.
  expect(await openVillager()).toBe('¥0.00');

  // Two bags of rice at ¥39.90: ¥79.80, of which ¥20 in cash and ¥59.80 on credit.
  const receiptNo = await sellCashAndCredit(page, 'RICE-5KG', VILLAGER, 20, 2);
  expect(receiptNo).not.toBe('');
  expect(await page.getByTestId('receipt-total').textContent()).toBe('¥79.80');
  const saleId = new URL(page.url()).pathname.split('/').pop()!;

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const printed = await readReceiptPdf(pdf);
  expect(printed.text).toContain('79.80');
  expect(printed.text).toContain('59.80');
  expect(printed.text).toContain('演示服务站');
  expect(printed.qrTexts).toContain(saleId);

  // The villager's page: ¥59.80 owed.
  expect(await openVillager()).toBe('¥59.80');
});
