import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Language } from '../../src/shared/domain/entities';
import { lockTablet, readyTablet } from './support/flows';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

/**
 * A clerk on a 360 × 640 phone signs in on the PIN pad and sells, in Chinese
 * and in Uyghur, by tapping what the screen shows: no shortcut into the page.
 * Playwright's click waits for each target to be visible, still and the one
 * under the finger, so a button hidden under the tab bar fails the test.
 */

const PHONE = { width: 360, height: 640 };
const LANGUAGE_BUTTON: Record<'zh-CN' | 'ug', string> = { 'zh-CN': 'language-zh-CN', ug: 'language-ug' };

let server: ServerProcess;
let tablet: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  tablet = await Tablet.open();
  await readyTablet(tablet.page, server.url, server.createEnrolCode(), '李强', '2222');
  await tablet.page.setViewportSize(PHONE);
});

afterAll(async () => {
  await tablet?.close();
  await server?.dispose();
});

/** The element lies wholly on the screen, between the top bar and the tab bar. */
async function expectOnScreen(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  // The sign-in screen has no tab bar: there the bottom of the screen is the limit.
  const bar = (await page.locator('.tab-bar').count()) > 0 ? await page.locator('.tab-bar').boundingBox() : null;
  expect(box, 'shown').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(bar ? bar.y : PHONE.height);
}

async function tapPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).click();
  await expectOnScreen(page, page.getByTestId('pin-key-ok'));
  await page.getByTestId('pin-key-ok').click();
}

for (const lang of ['zh-CN', 'ug'] as const satisfies readonly Language[]) {
  test(`a sale on a small phone, in ${lang}`, async () => {
    const { page } = tablet;

    // The language, chosen on the sign-in screen as a person would.
    await lockTablet(page);
    await page.getByTestId(LANGUAGE_BUTTON[lang]).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.getByTestId('staff-tile').filter({ hasText: '李强' }).click();
    await tapPin(page, '2222');
    await page.getByTestId('current-staff').filter({ hasText: '李强' }).waitFor();

    // Both bars together leave at least three quarters of the height to the work.
    const top = (await page.locator('.top-bar').boundingBox())!;
    const tabs = (await page.locator('.tab-bar').boundingBox())!;
    expect(top.height + tabs.height).toBeLessThanOrEqual(PHONE.height * 0.25);
    const staff = (await page.getByTestId('current-staff').boundingBox())!;
    expect(staff.height, 'the name on one line').toBeLessThan(30);

    // Four products show at once.
    const tiles = page.getByTestId('product-tile');
    await tiles.first().waitFor();
    let whole = 0;
    for (const tile of await tiles.all()) {
      const box = await tile.boundingBox();
      if (box && box.y >= 0 && box.y + box.height <= tabs.y) whole++;
    }
    expect(whole).toBeGreaterThanOrEqual(4);
    // Nothing reaches past the screen's sides: in Uyghur the whole page used to slide sideways under a tap.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Rice by search; the box empties for the next item.
    const search = page.getByTestId('product-search');
    await search.click();
    await page.keyboard.type('RICE-5KG');
    await expect.poll(() => tiles.count()).toBe(1);
    await tiles.first().click();
    await expect.poll(() => search.inputValue()).toBe('');
    // Then salt from the grid, twice.
    const salt = tiles.and(page.locator('[data-sku="SALT-400"]'));
    await salt.scrollIntoViewIfNeeded();
    await salt.click();
    await salt.click();

    // Total and confirm stay in view under the products.
    const total = page.getByTestId('cart-toggle');
    await expect.poll(() => total.locator('.cart-toggle-count').textContent()).toMatch(/3/);
    await expectOnScreen(page, total);
    await expectOnScreen(page, page.getByTestId('confirm-sale'));

    // A look at the parcels and back: the sale in progress is as it was left.
    await page.getByTestId('nav-parcels').click();
    await page.getByTestId('log-parcel').waitFor();
    expect(await total.isVisible()).toBe(false);
    await page.getByTestId('nav-sell').click();
    await expectOnScreen(page, total);
    expect(await total.locator('.cart-toggle-count').textContent()).toMatch(/3/);

    // The sheet opens: one salt less, its line readable, then closed again.
    await total.click();
    const saltLine = page.getByTestId('cart-line').and(page.locator('[data-sku="SALT-400"]'));
    await saltLine.getByTestId('qty-minus').click();
    await expect.poll(() => saltLine.getByTestId('cart-qty').inputValue()).toBe('1');
    const name = (await saltLine.locator('.cart-line-name').boundingBox())!;
    expect(name.width, 'the name has room').toBeGreaterThan(150);
    await expectOnScreen(page, page.getByTestId('confirm-sale'));
    await total.click();
    await tiles.first().waitFor();

    // Cash: exactly the total, then confirm.
    const totalText = await page.getByTestId('cart-total').textContent();
    await page.getByTestId('tender-exact').click();
    await expectOnScreen(page, page.getByTestId('confirm-sale'));
    await page.getByTestId('confirm-sale').click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('receipt-total').textContent()).toBe(totalText);
    expect(await page.getByTestId('receipt-line').count()).toBe(2);
    await page.getByTestId('new-sale').scrollIntoViewIfNeeded();
    await page.getByTestId('new-sale').click();
    await expectOnScreen(page, page.getByTestId('confirm-sale'));
    expect(await page.getByTestId('cart-line').count()).toBe(0);
  });
}
