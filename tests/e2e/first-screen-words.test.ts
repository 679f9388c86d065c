import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import en from '../../src/client/i18n/locales/en.json';
import ug from '../../src/client/i18n/locales/ug.json';
import zhCN from '../../src/client/i18n/locales/zh-CN.json';
import { addToCart, forgetCachedApp, goTo, readyTablet, useLanguage } from './support/flows';
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

/** The chunk of words the page asked for: its language and part (`ug/first`, `ug/rest`). */
const wordsFile = (url: string) => {
  const [, lang, part] = new URL(url).pathname.match(/^\/assets\/words-(zh-CN|en|ug)-(first|rest)-[\w-]+\.js$/) ?? [];
  return lang && `${lang}/${part}`;
};

/**
 * Nothing cached, as on a first load after an update (the service worker
 * and its caches gone), and the rest of `lang`'s words held back by the
 * link until `release`. `rest` matches their file.
 */
async function holdRestOfWords(page: Page, lang: string): Promise<{ rest: RegExp; release: () => void }> {
  await forgetCachedApp(page);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const rest = new RegExp(`/assets/words-${lang}-rest-`);
  await page.route(rest, async (route) => {
    await held;
    await route.continue();
  });
  return { rest, release: () => release() };
}

test("a tablet set to Uyghur loads only the Uyghur words, the first screen's with the app's code and the rest after", async () => {
  const { page } = tablet;
  await readyTablet(page, server.url, server.createEnrolCode(), '李强', '2222');
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const fetched: string[] = [];
  page.on('request', (request) => {
    const lang = wordsFile(request.url());
    if (lang) fetched.push(lang);
  });

  await useLanguage(page, 'ug');
  await page.getByTestId('product-tile').first().waitFor();
  await expect.poll(() => page.getByRole('navigation').first().textContent()).toContain(ug.nav.sell);
  // The words came by the preload the inline script added (the CSP allowed it), not after the app had started.
  const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => (l as HTMLLinkElement).href));
  expect(preloaded.map(wordsFile).filter(Boolean)).toEqual(['ug/first']);
  // The rest of the words follow once the screen is up (a tap, or a moment on).
  await expect.poll(() => fetched, { timeout: 10_000 }).toEqual(['ug/first', 'ug/rest']);
  expect(refused).toEqual([]);

  // Back to Chinese: its words are fetched when chosen, and only then.
  fetched.length = 0;
  await useLanguage(page, 'zh-CN');
  await page.getByTestId('product-tile').first().waitFor();
  await expect.poll(() => fetched, { timeout: 10_000 }).toEqual(['zh-CN/first', 'zh-CN/rest']);
  expect(refused).toEqual([]);
});

test('a screen opened before the rest of the words came waits for them: its heading is never a key or blank', async () => {
  const { page } = tablet;
  await useLanguage(page, 'zh-CN');
  await page.getByTestId('product-tile').first().waitFor();
  const { rest, release } = await holdRestOfWords(page, 'zh-CN');
  try {
    // The orders screen's code, fetched once the person first taps (or a moment on).
    const ordersCode = page.waitForResponse(/\/assets\/orders-[\w-]+\.js$/);
    await page.reload();
    await page.getByTestId('product-tile').first().waitFor();
    // Every heading and every key-like text the page shows from here on, with when it showed.
    await page.evaluate(() => {
      const seen: { heading: string; keyShown: boolean; at: number }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        const keyShown = /\borders\.\w/.test(document.body.innerText);
        for (const h of document.querySelectorAll('h1')) seen.push({ heading: h.textContent ?? '', keyShown, at: performance.now() });
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const restAsked = page.waitForRequest(rest);
    await goTo(page, 'orders');
    // The screen's code is here and the rest of the words asked for (held back): a screen that did not
    // wait for them would be drawn within a frame or two.
    await Promise.all([ordersCode, restAsked]);
    const releasedAt = await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())))));
    release();
    await page.getByRole('heading', { level: 1, name: zhCN.orders.title }).waitFor();
    const seen = await page.evaluate(() => (window as unknown as { seen: { heading: string; keyShown: boolean; at: number }[] }).seen);
    expect(seen.filter(({ keyShown }) => keyShown)).toEqual([]);
    expect(seen.filter(({ heading }) => heading.trim() === '')).toEqual([]);
    expect(seen.filter(({ heading, at }) => heading === zhCN.orders.title && at < releasedAt)).toEqual([]);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/\borders\.\w/);
  } finally {
    release();
    await page.unrouteAll({ behavior: 'wait' });
  }
});

test('the sell screen has every word it shows before the rest of the words come, in each language; its payment step waits for them', async () => {
  const { page } = tablet;
  await page.goto(`${server.url}/`);
  for (const lang of ['zh-CN', 'ug', 'en'] as const) {
    await useLanguage(page, lang);
    await page.getByTestId('product-tile').first().waitFor();
    const { rest, release } = await holdRestOfWords(page, lang);
    try {
      await page.reload();
      // A cart with a line over its stock (its warning shown), found by searching.
      await addToCart(page, 'RICE-5KG');
      await page.getByTestId('product-search').fill('OIL');
      await page.getByTestId('product-tile').first().click();
      await page.getByTestId('cart-total').waitFor();
      // A word missing from the first part would show as nothing until the rest come, then as itself.
      const shown = () =>
        page.evaluate(() => ['.picker', '.cart-body', '.total', '.confirm-sale', '.tab-bar'].map((s) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? '').join('\n'));
      const before = await shown();
      expect(before, lang).toContain({ 'zh-CN': zhCN, ug, en }[lang].sell.confirm);
      // The payment step's code and words come after the screen's: it shows once they are here, whole.
      expect(await page.getByTestId('pay-step').count(), lang).toBe(0);
      const arrived = page.waitForResponse(rest);
      release();
      await arrived;
      await page.getByTestId('pay-mode-mixed').click();
      await page.getByTestId('pay-rest-credit').waitFor();
      expect(await shown(), lang).toBe(before);
    } finally {
      release();
      await page.unrouteAll({ behavior: 'wait' });
    }
  }
});
