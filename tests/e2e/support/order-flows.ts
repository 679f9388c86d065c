import type { Page } from 'playwright-core';
import { goTo } from './flows';

/**
 * Orders and parcels, in the words of the screens' test ids. Every wait is
 * for something visible, never a fixed sleep.
 */

/** Registers a villager with consent and a phone; leaves the tablet on their page. */
export async function addVillager(page: Page, name: string, phone: string, village: string): Promise<void> {
  await goTo(page, 'villagers');
  await page.getByTestId('add-villager').click();
  await page.getByTestId('villager-name').fill(name);
  await page.getByTestId('villager-consent-yes').click();
  await page.getByTestId('villager-phone').fill(phone);
  await page.getByTestId('villager-village').fill(village);
  await page.getByTestId('villager-save').click();
  await page.getByTestId('villager-facts').waitFor({ timeout: 30_000 });
}

/**
 * From the villager's page: an order on `platform` of one line, placed.
 * Returns the order's id (from the address the order page opens at).
 */
export async function placeOrder(page: Page, platform: string, line: { name: string; qty: string; price: string }, serviceFee: string): Promise<string> {
  await page.getByTestId('villager-new-order').click();
  await page.getByTestId('villager-chosen').waitFor();
  await page.getByTestId('platform-choice').filter({ hasText: platform }).click();
  await page.getByTestId('order-platform-no').fill('TB-2026-0001');
  await page.getByTestId('line-name').fill(line.name);
  await page.getByTestId('line-qty').fill(line.qty);
  await page.getByTestId('line-price').fill(line.price);
  await page.getByTestId('order-service-fee').fill(serviceFee);
  await page.getByTestId('order-save').click();
  await page.getByTestId('order-summary').waitFor({ timeout: 30_000 });
  const id = /\/orders\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`no order id in ${page.url()}`);
  return id;
}

/** The status the order page shows now. */
export async function shownOrderStatus(page: Page): Promise<string | null> {
  return page.getByTestId('order-status').first().getAttribute('data-status');
}

/** Taps the order page's button to move it on, and waits until the page shows the new status. */
export async function moveOrder(page: Page, to: string): Promise<void> {
  await page.getByTestId(`order-to-${to}`).click();
  if (to === 'cancelled' || to === 'returned') await page.getByTestId('order-confirm').click();
  await page.locator(`[data-testid="order-status"][data-status="${to}"]`).first().waitFor({ timeout: 30_000 });
}

/** Opens an order from the list, by its id, under the chip of `status`. */
export async function openOrder(page: Page, orderId: string, status: string): Promise<void> {
  await goTo(page, 'orders');
  await page.getByTestId(`orders-view-${status}`).click();
  await page.locator(`[data-testid="order-row"][href$="${orderId}"]`).click();
  await page.getByTestId('order-summary').waitFor();
}
