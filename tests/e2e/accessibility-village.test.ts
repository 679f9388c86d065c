import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LANGUAGES, type Language } from '../../src/shared/domain/entities';
import { Audit } from './support/axe';
import { goTo, readyTablet, syncNow } from './support/flows';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

/**
 * The villagers', orders' and parcels' screens and More, audited with axe
 * in each language at the tablet's size and a small phone's: nothing
 * serious or critical may be broken. The demo centre's villagers, its
 * orders in every status and its parcels come with the first sync; the
 * demo admin looks at them in every language.
 */

let server: ServerProcess;
let tablet: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  tablet = await Tablet.open();
  await readyTablet(tablet.page, server.url, server.createEnrolCode(), '王芳', '111111');
  await syncNow(tablet.page);
});

afterAll(async () => {
  await tablet?.close();
  await server?.dispose();
});

/** The language switch's own setting, then a reload: the whole app comes back in `lang`. */
async function useLanguage(page: Page, lang: Language): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('cunzhan.language', l), lang);
  await page.reload();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.getByTestId('current-staff').filter({ hasText: '王芳' }).waitFor();
}

for (const lang of LANGUAGES) {
  test(`villagers, orders, parcels and More in ${lang}`, async () => {
    const { page } = tablet;
    const audit = new Audit();
    await useLanguage(page, lang);

    // Villagers: found by pinyin, one of them, and a new one with consent (so every field shows).
    await goTo(page, 'villagers');
    await page.getByTestId('villagers-search').fill('zhang');
    await page.getByTestId('villager-row').filter({ hasText: '张桂兰' }).waitFor();
    await audit.check(page, `${lang} villagers, searched`);
    await page.getByTestId('villager-row').filter({ hasText: '张桂兰' }).click();
    await page.getByTestId('villager-facts').waitFor();
    await page.getByTestId('villager-history').or(page.getByTestId('villager-training')).first().waitFor();
    await audit.check(page, `${lang} villager`);
    // Their credit: what they owe, and a repayment by WeChat Pay.
    await page.getByTestId('villager-credit').waitFor();
    await page.getByTestId('credit-repay').click();
    await page.getByTestId('repay-form').waitFor();
    await page.getByTestId('payment-means-wechat').click();
    await page.getByTestId('payment-reference').fill('2845');
    await page.getByTestId('payment-error').waitFor();
    await audit.check(page, `${lang} repayment`);
    await goTo(page, 'villagers');
    await page.getByTestId('add-villager').click();
    await page.getByTestId('villager-consent-yes').click();
    await page.getByTestId('villager-phone').waitFor();
    await audit.check(page, `${lang} new villager`);

    // Orders: the shipped ones, one order, and a new order.
    await goTo(page, 'orders');
    await page.getByTestId('orders-view-shipped').click();
    await page.locator('[data-testid="orders-view-shipped"][aria-pressed="true"]').waitFor();
    await page.locator('[data-testid="order-row"][data-status="shipped"]').first().waitFor();
    await audit.check(page, `${lang} orders, shipped`);
    await page.getByTestId('order-row').first().click();
    await page.getByTestId('order-summary').waitFor();
    await page.getByTestId('history-row').first().waitFor();
    await audit.check(page, `${lang} order`);
    await goTo(page, 'orders');
    await page.getByTestId('new-order').click();
    await page.getByTestId('order-form').waitFor();
    await audit.check(page, `${lang} new order`);

    // Parcels: the figures and the shelf, one parcel with its code and pad, logging a new one.
    await goTo(page, 'parcels');
    await page.getByTestId('parcel-figures').waitFor();
    await page.getByTestId('parcel-row').first().waitFor();
    await audit.check(page, `${lang} parcels`);
    await page.getByTestId('parcel-row').first().click();
    await page.getByTestId('parcel-pickup-code').waitFor();
    await page.getByTestId('handover-form').waitFor();
    await audit.check(page, `${lang} parcel, handover`);
    await goTo(page, 'parcels');
    await page.getByTestId('log-parcel').click();
    await page.getByTestId('parcel-form').waitFor();
    await audit.check(page, `${lang} log parcel`);

    await page.getByTestId('nav-more').click();
    await page.getByTestId('more-list').waitFor();
    await audit.check(page, `${lang} more`);

    // The day's cash-up, after the PIN again.
    await goTo(page, 'cashup');
    await page.getByTestId('pin-input').fill('111111');
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('cashup-float').fill('100');
    await page.getByTestId('cashup-counted').fill('99');
    await audit.check(page, `${lang} cash-up`);

    expect(audit.found, JSON.stringify(audit.found, null, 2)).toEqual([]);
  });
}
