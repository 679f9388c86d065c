import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PACK_MEDIA_PREFIX } from '../../src/shared/packs/pack-api';
import { readyTablet } from './support/flows';
import { demoPackFile, downloadDemoPack, openLesson, openTraining, storedSha256 } from './support/training-flows';
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

/** Seeks the lesson's video to `to` seconds and plays it (muted: a page may always play muted video). */
async function seekAndPlay(page: Page, to: number): Promise<{ seekedTo: number; playedTo: number }> {
  const video = page.getByTestId('lesson-video');
  await video.waitFor();
  await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
  const seekedTo = await video.evaluate(
    (v: HTMLVideoElement, at) =>
      new Promise<number>((ok) => {
        v.addEventListener('seeked', () => ok(v.currentTime), { once: true });
        v.currentTime = at;
      }),
    to,
  );
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
  await page.waitForFunction((from) => {
    const v = document.querySelector('video');
    return !!v && !v.paused && v.currentTime > from + 0.3;
  }, seekedTo);
  const playedTo = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  return { seekedTo, playedTo };
}

test('a pack downloaded online plays offline after a reload: the video seeks and plays from the tablet', async () => {
  const { page } = tablet;
  await readyTablet(page, server.url, server.createEnrolCode(), '阿依古丽', '3333');
  const mediaBytes: number[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith(PACK_MEDIA_PREFIX)) {
      void response.body().then((body) => mediaBytes.push(body.length), () => undefined);
    }
  });

  await openTraining(page);
  const started = Date.now();
  await downloadDemoPack(page);
  const downloadMs = Date.now() - started;
  const video = demoPackFile('media/live.webm');
  expect(await storedSha256(page, video.sha256)).toBe(video.sha256);
  // Figures for the record: what the demo pack cost to fetch here.
  console.log(`demo pack: ${mediaBytes.length} media files, ${mediaBytes.reduce((n, b) => n + b, 0)} bytes in ${downloadMs} ms`);

  await tablet.setOffline(true);
  await page.reload();
  await page.getByTestId('current-staff').waitFor();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await openTraining(page);
  await page.getByTestId('training-offline').waitFor();
  // Lesson 4 (the live stream), step 3: the video.
  await openLesson(page, 3, 3);
  const first = await seekAndPlay(page, 3);
  expect(first.seekedTo).toBeCloseTo(3, 0);
  expect(first.playedTo).toBeGreaterThan(3.3);

  // Offline still, the same step after a reload: the address keeps the step, the video seeks again.
  await page.reload();
  await page.getByTestId('lesson-player').waitFor();
  const again = await seekAndPlay(page, 1.5);
  expect(again.seekedTo).toBeCloseTo(1.5, 0);
  expect(again.playedTo).toBeGreaterThan(1.8);

  // The audio and the pictures of the first lesson come from the tablet too.
  await page.getByTestId('lesson-back').click();
  await page.getByTestId('lesson-row').first().click();
  await page.getByTestId('lesson-next').click();
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="lesson-image"]');
    return !!img && img.complete && img.naturalWidth > 0;
  });
  await page.getByTestId('lesson-next').click();
  await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);
  expect(await page.getByTestId('media-missing').count()).toBe(0);
});
