import type { Locator, Page } from 'playwright-core';
import type { Language } from '../../../src/shared/domain/entities';

/**
 * What a person does on the tablet, in the words of the screens' test ids.
 * Every wait is for something visible to change, never a fixed sleep.
 */

/** After one online visit the service worker controls the page: from then on it works offline. */
async function waitForOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

async function enrol(page: Page, code: string): Promise<void> {
  await page.getByTestId('enrol-code').fill(code);
  await page.getByTestId('enrol-submit').click();
  await page.getByTestId('staff-tile').first().waitFor({ timeout: 30_000 });
}

/** On the login screen: tap a name, type the PIN. */
export async function login(page: Page, staffName: string, pin: string): Promise<void> {
  await page.getByTestId('staff-tile').filter({ hasText: staffName }).click();
  await page.getByTestId('pin-input').fill(pin);
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('current-staff').filter({ hasText: staffName }).waitFor({ timeout: 30_000 });
}

/** Nothing cached, as on a first visit or the first load after an update: the service worker and its caches gone. */
export async function forgetCachedApp(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
    for (const key of await caches.keys()) await caches.delete(key);
  });
}

/** A fresh tablet made ready for work: the app opened at `appUrl`, enrolled with `enrolCode`, a person signed in, offline-ready. */
export async function readyTablet(page: Page, appUrl: string, enrolCode: string, staffName: string, pin: string): Promise<void> {
  await page.goto(appUrl);
  await enrol(page, enrolCode);
  await login(page, staffName, pin);
  await waitForOfflineReady(page);
}

/** The lock button in the top bar: the tablet shows who may sign in next. */
export async function lockTablet(page: Page): Promise<void> {
  await page.getByTestId('lock').click();
  await page.getByTestId('staff-tile').first().waitFor();
}

/** Two taps to switch (lock, then the next person's name), and their PIN. */
export async function switchTo(page: Page, staffName: string, pin: string): Promise<void> {
  await lockTablet(page);
  await login(page, staffName, pin);
}

/** The app in `lang`: the choice stored as Settings stores it, the page reloaded, and waited for until it shows that language. */
export async function useLanguage(page: Page, lang: Language): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('cunzhan.language', l), lang);
  await page.reload();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Screens with a tab of their own in the bottom bar; the others are rows of More. */
const BAR_TABS = ['sell', 'orders', 'parcels', 'villagers'] as const;
type Destination = (typeof BAR_TABS)[number] | 'sales' | 'products' | 'stock' | 'staff' | 'activity' | 'settings' | 'cashup';

export async function goTo(page: Page, tab: Destination): Promise<void> {
  if (!(BAR_TABS as readonly string[]).includes(tab)) {
    await page.getByTestId('nav-more').click();
    await page.getByTestId('more-list').waitFor();
  }
  await page.getByTestId(`nav-${tab}`).click();
}

/** Starts a sale on the sell screen: one unit of the product found by `search` in the cart. */
export async function addToCart(page: Page, search: string): Promise<void> {
  await goTo(page, 'sell');
  await page.getByTestId('product-search').fill(search);
  await page.getByTestId('product-tile').first().click();
}

/** One counter sale of `qty` units of the product found by `search`, paid exactly. */
export async function sell(page: Page, search: string, qty = 1): Promise<string> {
  await addToCart(page, search);
  for (let i = 1; i < qty; i++) await page.getByTestId('qty-plus').first().click();
  await page.getByTestId('tender-exact').click();
  await page.getByTestId('confirm-sale').click();
  await savedOrFailed(page, page.getByTestId('receipt-no'));
  const receiptNo = (await page.getByTestId('receipt-no').textContent()) ?? '';
  await page.getByTestId('new-sale').click();
  return receiptNo.trim();
}

/** On a phone with the cart closed, every way to pay opens with the cart; on a tablet it shows already. */
async function showEveryWayToPay(page: Page): Promise<void> {
  const other = page.getByTestId('pay-other');
  if (await other.isVisible()) await other.click();
  await page.getByTestId('pay-mode-mixed').waitFor();
}

/** Picks the villager found by `villager` (name, pinyin or phone) for the credit part. */
async function pickCreditVillager(page: Page, villager: string): Promise<void> {
  await page.getByTestId('villager-search').fill(villager);
  await page.getByTestId('villager-option').first().click();
  await page.getByTestId('pay-credit-ledger').waitFor();
}

/** An admin's PIN when the credit takes the villager past the centre's limit (an admin selling needs none). */
async function allowOverLimit(page: Page, admin?: { name: string; pin: string }): Promise<void> {
  if (!admin || (await page.getByTestId('pay-over-limit').count()) === 0) return;
  await page.getByTestId('admin-choice').filter({ hasText: admin.name }).click();
  await page.getByTestId('pin-input').fill(admin.pin);
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('pay-approved').waitFor();
}

/** Confirms the sale and leaves its receipt open; returns the receipt number. */
async function confirmSale(page: Page): Promise<string> {
  await page.getByTestId('confirm-sale').click();
  await savedOrFailed(page, page.getByTestId('receipt-no'));
  return ((await page.getByTestId('receipt-no').textContent()) ?? '').trim();
}

/**
 * A counter sale of `qty` units of the product found by `search`, all on
 * credit to the villager found by `villager`; the receipt stays open.
 * `admin` types their PIN if the credit passes the centre's limit.
 */
export async function sellOnCredit(page: Page, search: string, villager: string, qty = 1, admin?: { name: string; pin: string }): Promise<string> {
  await addToCart(page, search);
  for (let i = 1; i < qty; i++) await page.getByTestId('qty-plus').first().click();
  await showEveryWayToPay(page);
  await page.getByTestId('pay-mode-credit').click();
  await pickCreditVillager(page, villager);
  await allowOverLimit(page, admin);
  return confirmSale(page);
}

/**
 * A counter sale paid `cashYuan` in cash (handed over exactly) and the rest
 * on credit to the villager found by `villager`; the receipt stays open.
 */
export async function sellCashAndCredit(
  page: Page,
  search: string,
  villager: string,
  cashYuan: number,
  qty = 1,
  admin?: { name: string; pin: string },
): Promise<string> {
  await addToCart(page, search);
  for (let i = 1; i < qty; i++) await page.getByTestId('qty-plus').first().click();
  await showEveryWayToPay(page);
  await page.getByTestId('pay-mode-mixed').click();
  await page.getByTestId('pay-amount-cash').fill(String(cashYuan));
  await page.getByTestId('pay-rest-credit').click();
  await pickCreditVillager(page, villager);
  await allowOverLimit(page, admin);
  return confirmSale(page);
}

export async function pendingCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('pending-count').getAttribute('data-count'));
}

/** Taps "Sync now" and waits until nothing is waiting and the sync has ended. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-now').click();
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-testid="sync-status"]');
      const pending = document.querySelector('[data-testid="pending-count"]');
      return status?.getAttribute('data-syncing') === 'false' && pending?.getAttribute('data-count') === '0';
    },
    undefined,
    { timeout: 60_000 },
  );
}

/** Sets a product's shelf count through the stock screen's "count" adjustment. */
export async function countStock(page: Page, search: string, counted: number): Promise<void> {
  await goTo(page, 'stock');
  await page.getByTestId('stock-search').fill(search);
  await page.getByTestId('stock-row').first().click();
  await page.getByTestId('open-adjust').click();
  await page.getByTestId('adjust-reason-count').click();
  await page.getByTestId('adjust-qty').fill(String(counted));
  await page.getByTestId('adjust-save').click();
  await savedOrFailed(page, page.getByTestId('detail-level').filter({ hasText: String(counted) }));
}

/** Waits for what a save shows, failing at once, and clearly, if the app showed its error screen instead. */
async function savedOrFailed(page: Page, shown: Locator): Promise<void> {
  const failed = page.getByTestId('screen-error');
  await shown.or(failed).first().waitFor({ timeout: 30_000 });
  if ((await failed.count()) > 0) throw new Error('the app showed its error screen after a save');
}
