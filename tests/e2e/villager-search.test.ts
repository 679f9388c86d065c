import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { goTo, readyTablet, syncNow } from './support/flows';
import { serverRows } from './support/server-db';
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

/** Types into the villagers search and waits for exactly these names, in any order. */
async function searchFinds(page: Page, query: string, names: readonly string[]): Promise<void> {
  await page.getByTestId('villagers-search').fill(query);
  await page.waitForFunction(
    (expected) => {
      const rows = [...document.querySelectorAll('[data-testid="villager-row"] strong')].map((el) => el.textContent?.trim() ?? '');
      return rows.length === expected.length && expected.every((name) => rows.includes(name));
    },
    names,
    { timeout: 30_000 },
  );
}

test('a villager created online is found by pinyin initials after going offline and reloading, as are the pulled demo villagers', async () => {
  const { page } = tablet;
  await readyTablet(page, server.url, server.createEnrolCode(), '王芳', '111111');

  await goTo(page, 'villagers');
  await page.getByTestId('add-villager').click();
  await page.getByTestId('villager-name').fill('王小芳');
  await page.getByTestId('villager-consent-yes').click();
  await page.getByTestId('villager-phone').fill('138 0013 8000');
  await page.getByTestId('villager-village').fill('红旗村');
  await page.getByTestId('villager-save').click();
  await page.getByTestId('villager-title').filter({ hasText: '王小芳' }).waitFor();
  await syncNow(page);
  const stored = serverRows(server.dataDir, 'customers') as { name: string; phone: string }[];
  expect(stored.find((c) => c.name === '王小芳')?.phone).toBe('13800138000');

  await tablet.setOffline(true);
  await page.reload();
  await page.getByTestId('online-state').waitFor();
  await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-online')).toBe('false');

  await goTo(page, 'villagers');
  await searchFinds(page, 'wxf', ['王小芳']);
  await searchFinds(page, 'wangxiao', ['王小芳']);
  await searchFinds(page, '8000', ['王小芳']);
  // Demo villagers came with the first pull and were keyed then.
  await searchFinds(page, 'wdf', ['王德福']);
  await searchFinds(page, 'zhangguil', ['张桂兰']);
  await page.getByTestId('villager-row').first().click();
  await page.getByTestId('villager-title').filter({ hasText: '张桂兰' }).waitFor();
});
