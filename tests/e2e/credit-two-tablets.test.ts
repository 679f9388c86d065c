import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { goTo, readyTablet, sellOnCredit, syncNow } from './support/flows';
import { addVillager } from './support/order-flows';
import { serverRows } from './support/server-db';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

let server: ServerProcess;
let tabletA: Tablet;
let tabletB: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  [tabletA, tabletB] = await Promise.all([Tablet.open(), Tablet.open()]);
  // The admin sells at the counter on one tablet; a clerk takes money on the other.
  await readyTablet(tabletA.page, server.url, server.createEnrolCode(), '王芳', '111111');
  await readyTablet(tabletB.page, server.url, server.createEnrolCode(), '李强', '2222');
});

afterAll(async () => {
  await Promise.all([tabletA?.close(), tabletB?.close()]);
  await server?.dispose();
});

// A name of her own and a phone: the demo centre has villagers of other names, and search by phone finds one.
const VILLAGER = '阿瓦古丽·吐尔洪';
const PHONE = '13912345678';

/** The villager's page, found by name from the villagers tab. */
async function openVillager(page: Page): Promise<void> {
  await goTo(page, 'villagers');
  await page.getByTestId('villagers-search').fill(PHONE);
  await page.getByTestId('villager-row').filter({ hasText: VILLAGER }).first().click();
  await page.getByTestId('villager-credit').waitFor();
}

/** Waits until the villager's page says they owe `amount`; returns what it shows then. */
async function shownBalance(page: Page, amount: string): Promise<string> {
  await openVillager(page);
  const balance = page.getByTestId('credit-balance');
  await balance.filter({ hasText: amount }).waitFor({ timeout: 10_000 }).catch(() => undefined);
  return ((await balance.textContent()) ?? '').trim();
}

interface CreditEntryRow {
  customerId: string;
  deltaFen: number;
  source: string;
}

test('a credit sale on one tablet and a repayment on the other, both offline, end in one balance everywhere', async () => {
  const a = tabletA.page;
  const b = tabletB.page;

  // The villager owes for a bag of flour already, known to both tablets.
  await addVillager(a, VILLAGER, PHONE, '阿克苏村');
  const customerId = /\/villagers\/([0-9a-f-]{36})/.exec(a.url())?.[1];
  expect(customerId).toBeDefined();
  await sellOnCredit(a, 'FLOUR-5KG', PHONE);
  await syncNow(a);
  await syncNow(b);
  expect(await shownBalance(b, '¥28.50')).toBe('¥28.50');

  await Promise.all([tabletA.setOffline(true), tabletB.setOffline(true)]);
  // Tablet A: two bags of rice on credit (¥79.80 more).
  await sellOnCredit(a, 'RICE-5KG', PHONE, 2);
  expect(await shownBalance(a, '¥108.30')).toBe('¥108.30');
  // Tablet B: the villager pays ¥20 back in cash.
  await openVillager(b);
  await b.getByTestId('credit-repay').click();
  await b.getByTestId('repay-amount').fill('20');
  await b.getByTestId('payment-exact').click();
  await b.getByTestId('repay-confirm').click();
  await b.getByTestId('repay-done').waitFor();
  expect(await shownBalance(b, '¥8.50')).toBe('¥8.50');

  await Promise.all([tabletA.setOffline(false), tabletB.setOffline(false)]);
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);

  // ¥28.50 + ¥79.80 − ¥20.00, on both tablets and on the server.
  expect(await shownBalance(a, '¥88.30')).toBe('¥88.30');
  expect(await shownBalance(b, '¥88.30')).toBe('¥88.30');
  const entries = (serverRows(server.dataDir, 'creditEntries') as CreditEntryRow[]).filter((e) => e.customerId === customerId);
  expect(entries.map((e) => [e.source, e.deltaFen]).sort()).toEqual([
    ['repayment', -2000],
    ['sale', 2850],
    ['sale', 7980],
  ]);
  const repayments = (serverRows(server.dataDir, 'repayments') as { customerId: string; amountFen: number }[]).filter((r) => r.customerId === customerId);
  expect(repayments.map((r) => r.amountFen)).toEqual([2000]);
});
