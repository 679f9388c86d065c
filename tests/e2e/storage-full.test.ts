import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import zhCN from '../../src/client/i18n/locales/zh-CN.json';
import { addToCart, goTo, readyTablet, sell } from './support/flows';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

let server: ServerProcess;
let tablet: Tablet;
let cdp: CDPSession;

beforeAll(async () => {
  server = await ServerProcess.start();
  tablet = await Tablet.open();
  cdp = await tablet.context.newCDPSession(tablet.page);
});

afterAll(async () => {
  await cdp?.detach().catch(() => undefined);
  await tablet?.close();
  await server?.dispose();
});

/** The browser's storage quota for the app's origin: `bytes`, or the normal one when undefined (S11). */
async function setQuota(bytes: number | undefined): Promise<void> {
  await cdp.send('Storage.overrideQuotaForOrigin', bytes === undefined ? { origin: server.url } : { origin: server.url, quotaSize: bytes });
}

/**
 * Small writes to a scratch database of the app's origin, in the page, every
 * `everyMs` until one is refused for want of room (resolves true) or, with
 * `once`, after the first (true when refused).
 */
async function writesRefused({ once, everyMs, withinMs }: { once: boolean; everyMs: number; withinMs: number }): Promise<boolean> {
  const probe = () =>
    new Promise<boolean>((resolve, reject) => {
      const open = indexedDB.open('quota-probe');
      open.onupgradeneeded = () => open.result.createObjectStore('probe');
      open.onerror = () => (open.error?.name === 'QuotaExceededError' ? resolve(true) : reject(open.error));
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('probe', 'readwrite');
        tx.objectStore('probe').put(new Uint8Array(1024), 'probe');
        tx.oncomplete = () => {
          db.close();
          resolve(false);
        };
        tx.onabort = () => {
          db.close();
          if (tx.error?.name === 'QuotaExceededError') resolve(true);
          else reject(tx.error);
        };
      };
    });
  const deadline = Date.now() + withinMs;
  for (;;) {
    const refused = await probe();
    if (refused || once || Date.now() > deadline) return refused;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Today's sales as the sales screen lists them (some were sold before each call). */
async function listedSales(page: Page): Promise<string[]> {
  await goTo(page, 'sales');
  // The count shows 0 while the sales are read: the list itself says they are.
  await page.getByTestId('sales-list').waitFor();
  return page.getByTestId('sale-row').allTextContents();
}

test('a full disk stops a sale with a clear message, loses no sale saved before, and selling resumes once there is room', async () => {
  const { page } = tablet;
  await readyTablet(page, server.url, server.createEnrolCode(), '李强', '2222');
  // Offline, so the sales below live only on this tablet: nothing could restore them but its own storage.
  await tablet.setOffline(true);
  const before = [await sell(page, 'RICE-5KG'), await sell(page, 'NOODLE-DRY')];

  // Less room than the app already uses: the next write fails as on a full tablet.
  // The scratch database is made while there is room, so the probes below only write.
  expect(await page.evaluate(writesRefused, { once: true, everyMs: 0, withinMs: 0 })).toBe(false);
  await setQuota(1);
  // Chromium trusts the room it last found free for a while (about half a minute) before
  // asking the quota again, so small writes still succeed at first: polled until refused.
  expect(await page.evaluate(writesRefused, { once: false, everyMs: 500, withinMs: 90_000 })).toBe(true);
  await addToCart(page, 'RICE-5KG');
  await page.getByTestId('tender-exact').click();
  await page.getByTestId('confirm-sale').click();

  const message = page.getByText(zhCN.errors.storage_full);
  await message.or(page.getByTestId('screen-error')).or(page.getByTestId('receipt-no')).first().waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('receipt-no').count()).toBe(0);
  expect(await page.getByTestId('screen-error').count()).toBe(0);
  expect(await message.count()).toBe(1);
  // The clerk stays at the counter with the cart as it was, ready to try again.
  expect(await page.getByTestId('confirm-sale').isEnabled()).toBe(true);

  // Nothing saved before is lost, even across a reload while the disk is full.
  await page.reload();
  await page.getByTestId('online-state').waitFor({ timeout: 30_000 });
  const listed = await listedSales(page);
  expect(listed).toHaveLength(2);
  for (const receiptNo of before) expect(listed.some((row) => row.includes(receiptNo))).toBe(true);

  // Room again: the same tablet sells as before.
  await setQuota(undefined);
  const after = await sell(page, 'RICE-5KG');
  expect(after).not.toBe('');
  expect(await listedSales(page)).toHaveLength(3);
});
