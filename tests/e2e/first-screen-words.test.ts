import { afterAll, beforeAll, expect, test } from 'vitest';
import ug from '../../src/client/i18n/locales/ug.json';
import { readyTablet, useLanguage } from './support/flows';
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

/** The chunk of each language's words that the page asked for, by the file's language. */
const wordsFile = (url: string) => new URL(url).pathname.match(/^\/assets\/(zh-CN|en|ug)-[\w-]+\.js$/)?.[1];

test("a tablet set to Uyghur loads only the Uyghur words, asked for by the page's first script with the app's code", async () => {
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
  expect(preloaded.map(wordsFile).filter(Boolean)).toEqual(['ug']);
  expect(fetched).toEqual(['ug']);
  expect(refused).toEqual([]);

  // Back to Chinese: its words are fetched when chosen, and only then.
  fetched.length = 0;
  await useLanguage(page, 'zh-CN');
  await page.getByTestId('product-tile').first().waitFor();
  expect(fetched).toEqual(['zh-CN']);
  expect(refused).toEqual([]);
});
