import { afterAll, beforeAll, expect, test } from 'vitest';
import { ean13, fakeCameraArgs, writeBarcodeVideo } from './support/barcode-video';
import { goTo, readyTablet } from './support/flows';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

/**
 * Scanning at the counter: the tablet's camera is Chromium's fake capture
 * device playing a generated video of a demo product's EAN-13 (the rice's),
 * read by the WebAssembly reader (desktop Chromium has no BarcodeDetector of
 * its own). A scanner that types, and an unknown code, go through the same screen.
 */

const RICE = ean13('692000100101'); // RICE-5KG in the demo seed
const NOODLES = ean13('692000100202'); // NOODLE-DRY
const UNKNOWN = ean13('692099999999');

let server: ServerProcess;
let tablet: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  tablet = await Tablet.open({ args: fakeCameraArgs(writeBarcodeVideo(RICE)) });
  await tablet.context.grantPermissions(['camera'], { origin: server.url });
  await readyTablet(tablet.page, server.url, server.createEnrolCode(), '李强', '2222');
});

afterAll(async () => {
  await tablet?.close();
  await server?.dispose();
});

test('a barcode shown to the camera adds its product to the cart, and the scanner closes', async () => {
  const { page } = tablet;
  await goTo(page, 'sell');
  const wasm: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).origin);
  });
  await page.getByTestId('scan-product').click();
  await page.locator('[data-testid="cart-line"][data-sku="RICE-5KG"]').waitFor({ timeout: 60_000 });
  expect(await page.locator('[data-testid="cart-line"]').count()).toBe(1);
  await page.getByTestId('scanner').waitFor({ state: 'detached' });
  // The reader came from the app's own origin (its build, or the service worker's precache), never a CDN.
  expect(wasm.every((origin) => origin === server.url)).toBe(true);
});

test('a scanner that types the code and Enter adds the product and empties the search', async () => {
  const { page } = tablet;
  await goTo(page, 'sell');
  await page.getByTestId('product-search').click();
  await page.keyboard.type(NOODLES);
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="cart-line"][data-sku="NOODLE-DRY"]').waitFor();
  expect(await page.getByTestId('product-search').inputValue()).toBe('');
});

test('an unknown barcode says so, and adds nothing', async () => {
  const { page } = tablet;
  await goTo(page, 'sell');
  const linesBefore = await page.getByTestId('cart-line').count();
  await page.getByTestId('product-search').click();
  await page.keyboard.type(UNKNOWN);
  await page.keyboard.press('Enter');
  const message = page.getByTestId('scan-message');
  await message.waitFor();
  expect(await message.textContent()).toContain(UNKNOWN);
  expect(await page.getByTestId('cart-line').count()).toBe(linesBefore);
  expect(await page.getByTestId('product-search').inputValue()).toBe('');
});

test('a person typing in the search box and pressing Enter is not taken for a scanner', async () => {
  const { page } = tablet;
  await goTo(page, 'sell');
  if ((await page.getByTestId('scan-message').count()) > 0) await page.getByTestId('scan-message-dismiss').click();
  const search = page.getByTestId('product-search');
  await search.fill('');
  await search.pressSequentially(NOODLES.slice(0, 8), { delay: 150 });
  await search.press('Enter');
  expect(await search.inputValue()).toBe(NOODLES.slice(0, 8));
  expect(await page.getByTestId('scan-message').count()).toBe(0);
  await search.fill('');
});

test("the parcel form's scanner takes a tracking number typed into it", async () => {
  const { page } = tablet;
  await goTo(page, 'parcels');
  await page.getByTestId('log-parcel').click();
  await page.getByTestId('scan-tracking').click();
  // The camera films an EAN-13, which is no tracking number's format: the sheet waits.
  await page.locator('[data-testid="scanner"][data-camera="live"]').waitFor();
  await page.getByTestId('scanner-typed').fill('12');
  await page.getByTestId('scanner-typed-submit').click();
  await page.getByTestId('scanner-message').waitFor();
  await page.getByTestId('scanner-typed').fill('SF1400123456789');
  await page.getByTestId('scanner-typed-submit').click();
  await page.getByTestId('scanner').waitFor({ state: 'detached' });
  expect(await page.getByTestId('parcel-tracking').inputValue()).toBe('SF1400123456789');
  // On to the next field, as after a scanner's Enter in the tracking field.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('parcel-carrier');
});
