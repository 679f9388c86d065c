import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LANGUAGES } from '../../src/shared/domain/entities';
import { Audit } from './support/axe';
import { ean13, fakeCameraArgs, writeBarcodeVideo } from './support/barcode-video';
import { goTo, readyTablet, useLanguage } from './support/flows';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

/**
 * The scanner audited with axe in each language at the tablet's size and a
 * small phone's: the sheet with the camera's picture (a product's EAN-13,
 * which the parcel scanner does not read, so the sheet stays open), with a
 * typed code refused, and on a tablet with no camera; the sell screen saying
 * a scanned code is unknown. Nothing serious or critical may be broken.
 */

let server: ServerProcess;
let withCamera: Tablet;
let noCamera: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  withCamera = await Tablet.open({ args: fakeCameraArgs(writeBarcodeVideo(ean13('692000100101'))) });
  await withCamera.context.grantPermissions(['camera'], { origin: server.url });
  await readyTablet(withCamera.page, server.url, server.createEnrolCode(), '王芳', '111111');
  noCamera = await Tablet.open();
  await readyTablet(noCamera.page, server.url, server.createEnrolCode(), '李强', '2222');
});

afterAll(async () => {
  await withCamera?.close();
  await noCamera?.close();
  await server?.dispose();
});

async function openParcelScanner(page: Page): Promise<void> {
  await goTo(page, 'parcels');
  await page.getByTestId('log-parcel').click();
  await page.getByTestId('scan-tracking').click();
  await page.getByTestId('scanner').waitFor();
}

for (const lang of LANGUAGES) {
  test(`the scanner in ${lang}`, async () => {
    const audit = new Audit();
    const { page } = withCamera;
    await useLanguage(page, lang);

    await openParcelScanner(page);
    await page.locator('[data-testid="scanner"][data-camera="live"][data-reader="ready"]').waitFor({ timeout: 60_000 });
    await audit.check(page, `${lang} scanner, camera`);
    await page.getByTestId('scanner-typed').fill('12');
    await page.getByTestId('scanner-typed-submit').click();
    await page.getByTestId('scanner-message').waitFor();
    await audit.check(page, `${lang} scanner, code refused`);
    await page.setViewportSize({ width: 360, height: 640 });
    await audit.check(page, `${lang} scanner, code refused, phone`);
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.getByTestId('scanner-close').click();
    await page.getByTestId('scanner').waitFor({ state: 'detached' });

    await goTo(page, 'sell');
    await page.getByTestId('product-search').click();
    await page.keyboard.type(ean13('692099999999'));
    await page.keyboard.press('Enter');
    await page.getByTestId('scan-message').waitFor();
    await audit.check(page, `${lang} sell, unknown code`);
    await page.getByTestId('scan-message-dismiss').click();

    const other = noCamera.page;
    await useLanguage(other, lang);
    await openParcelScanner(other);
    const problem = other.getByTestId('scanner-camera-problem');
    await problem.waitFor();
    expect(['refused', 'missing']).toContain(await problem.getAttribute('data-problem'));
    await audit.check(other, `${lang} scanner, no camera`);
    await other.getByTestId('scanner-close').click();

    expect(audit.found, JSON.stringify(audit.found, null, 2)).toEqual([]);
  });
}
