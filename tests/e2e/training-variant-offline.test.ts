import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LANGUAGES, type Language } from '../../src/shared/domain/entities';
import { Audit } from './support/axe';
import type { LessonVariant } from '../../src/shared/training/lesson-variants';
import { readyTablet, syncNow } from './support/flows';
import { serverRows } from './support/server-db';
import {
  DEMO_PACK_ID,
  demoPackFile,
  downloadDemoPack,
  openLesson,
  openTraining,
  openVariantEditor,
  readyPackVersion,
  variantStep,
} from './support/training-flows';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

const USER = 'variants.admin';
const PASSWORD = 'spring-apricot-2026';
const OUR_WORDS = '先到院子里找光线最好的地方，再摆上我们自己的核桃。';

let server: ServerProcess;
let tablet: Tablet;
let county: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  tablet = await Tablet.open();
  county = await Tablet.open();
});

afterAll(async () => {
  await county?.close();
  await tablet?.close();
  await server?.dispose();
});

const photosLessonVariants = () =>
  (serverRows(server.dataDir, 'lessonVariants') as LessonVariant[]).filter((v) => v.packId === DEMO_PACK_ID && v.lessonId === 'photos');

test('a lesson adapted offline syncs once; the county promotes it; the tablet gets the new version and its variant says the original changed', async () => {
  const { page } = tablet;
  await readyTablet(page, server.url, server.createEnrolCode(), '王芳', '111111');
  await openTraining(page);
  await downloadDemoPack(page);

  // Offline from here, after a reload: the lesson is adapted on the tablet alone.
  await tablet.setOffline(true);
  await page.reload();
  await page.getByTestId('current-staff').waitFor();
  await openTraining(page);
  await openLesson(page, 1);
  await openVariantEditor(page);
  await variantStep(page, 'light').getByTestId('variant-step-text').fill(OUR_WORDS);
  await variantStep(page, 'good-photo').getByTestId('variant-hide').click();
  // A photo "from the camera": the browser makes it a small JPEG and keeps it.
  const picture = demoPackFile('media/photo-good.webp');
  await page.getByTestId('variant-photo-input').setInputFiles({ name: 'camera.webp', mimeType: 'image/webp', buffer: picture.bytes });
  const photoStep = page.locator('[data-testid="variant-step"][data-step^="photo-"]');
  await photoStep.getByTestId('variant-photo').waitFor();
  // Added at the end: moved up before the quiz.
  await photoStep.getByTestId('variant-move-up').click();
  await page.locator('[data-testid="variant-step"]:nth-child(3)[data-step^="photo-"]').waitFor();
  await page.getByTestId('variant-save').click();

  await page.getByTestId('variant-banner').waitFor();
  await page.waitForFunction((words) => document.querySelector('[data-testid="lesson-step"]')?.textContent === words, OUR_WORDS);
  await page.getByTestId('lesson-next').click();
  await page.locator('[data-testid="lesson-step"][data-kind="photo"] [data-testid="variant-photo"]').waitFor();
  // Still there after a reload, offline.
  await page.reload();
  await page.getByTestId('variant-banner').waitFor();
  expect(await page.getByTestId('variant-original-changed').count()).toBe(0);
  expect(photosLessonVariants()).toHaveLength(0);

  // Online again: the server holds the variant and its photo, once.
  await tablet.setOffline(false);
  await syncNow(page);
  await syncNow(page);
  const held = photosLessonVariants();
  expect(held).toHaveLength(1);
  expect(held[0]).toMatchObject({ baseVersion: 1, hidden: ['good-photo'] });
  expect(Object.values(held[0]!.texts['light'] ?? {})).toContain(OUR_WORDS);
  expect(held[0]!.photos).toHaveLength(1);
  const photos = (serverRows(server.dataDir, 'variantPhotos') as { sha256: string; size: number; data: string }[]).filter((p) => p.sha256 === held[0]!.photos[0]!.sha256);
  expect(photos).toHaveLength(1);
  expect(photos[0]!.size).toBeLessThanOrEqual(200 * 1024);
  expect(Buffer.from(photos[0]!.data, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

  // The county admin finds it among the pack's variants and promotes it.
  server.admin('create-county-admin', USER, '--password', PASSWORD);
  const admin = county.page;
  await admin.goto(`${server.url}/county`);
  await admin.getByTestId('county-login-username').fill(USER);
  await admin.getByTestId('county-login-password').fill(PASSWORD);
  await admin.getByTestId('county-login-submit').click();
  await admin.getByTestId('county-username').waitFor();
  await admin.goto(`${server.url}/county/packs`);
  await admin.getByTestId('county-pack-variants').first().click();
  await admin.getByTestId('county-variants').waitFor();
  expect(await admin.getByTestId('county-variant-row').count()).toBe(2);
  await admin.getByTestId('county-variant-link').filter({ hasText: '给农产品拍照' }).click();
  await admin.getByTestId('county-variant-photo').waitFor();
  await admin.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="county-variant-photo"]');
    return !!img && img.complete && img.naturalWidth > 0;
  });
  await admin.getByTestId('county-variant-promote').click();
  await admin.getByTestId('county-variant-promote-confirm').click();
  expect(await admin.getByTestId('county-variant-promoted').textContent()).toContain('已生成第 2 版');

  // The tablet is offered version 2, takes it, and its variant stays, saying the original changed.
  await page.getByTestId('lesson-back').click();
  await openTraining(page);
  await page.locator(`[data-testid="pack-card"][data-pack="${DEMO_PACK_ID}"]`).getByTestId('pack-update').click();
  await expect.poll(() => readyPackVersion(page), { timeout: 60_000 }).toBe(2);
  await openTraining(page);
  await openLesson(page, 1);
  await page.getByTestId('variant-original-changed').waitFor();
  await page.waitForFunction((words) => document.querySelector('[data-testid="lesson-step"]')?.textContent === words, OUR_WORDS);
  expect(photosLessonVariants()).toHaveLength(1);
});

async function useLanguage(page: Page, lang: Language): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('cunzhan.language', l), lang);
  await page.reload();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

test('the county’s variant screens pass axe in every language, at tablet and phone sizes', async () => {
  const admin = county.page;
  const audit = new Audit();
  for (const lang of LANGUAGES) {
    await admin.goto(`${server.url}/county/packs/${DEMO_PACK_ID}/variants`);
    await useLanguage(admin, lang);
    await admin.getByTestId('county-variants').waitFor();
    await audit.check(admin, `${lang} county variants`);
    await admin.getByTestId('county-variant-link').first().click();
    await admin.getByTestId('county-variant-facts').waitFor();
    await admin.getByTestId('county-variant-promote').click();
    await audit.check(admin, `${lang} county variant`);
  }
  expect(audit.found, JSON.stringify(audit.found, null, 2)).toEqual([]);
});
