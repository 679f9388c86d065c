import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PACK_MEDIA_PREFIX } from '../../src/shared/packs/pack-api';
import { readyTablet, syncNow } from './support/flows';
import { serverRows } from './support/server-db';
import {
  addOnTheSpot,
  answerTurn,
  demoPackFile,
  downloadDemoPack,
  endSession,
  markPresent,
  openLesson,
  openTraining,
  startSession,
  storedSha256,
  openVariantEditor,
  variantStep,
} from './support/training-flows';
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

test('a pack downloaded online plays offline after a reload: the video seeks and plays from the tablet; a session runs offline and syncs once', async () => {
  const { page } = tablet;
  // The admin: the demo centre's trainer for now (clerks teach no sessions).
  await readyTablet(page, server.url, server.createEnrolCode(), '王芳', '111111');
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

  // Still offline: a session of lesson 2, whose question is spoken and answered with pictures.
  await openTraining(page);
  const sessionId = await startSession(page, 'photos');
  await markPresent(page, '张桂兰');
  await markPresent(page, '买买提·艾力');
  await addOnTheSpot(page, '吐尔洪');
  await page.getByTestId('session-to-quiz').click();
  await page.getByTestId('quiz-audio').waitFor();
  await page.waitForFunction(() => ((document.querySelector('[data-testid="quiz-audio"] audio') as HTMLAudioElement | null)?.readyState ?? 0) >= 1);
  await page.waitForFunction(() => {
    const pictures = [...document.querySelectorAll<HTMLImageElement>('[data-testid="quiz-tile"] img')];
    return pictures.length === 2 && pictures.every((img) => img.complete && img.naturalWidth > 0);
  });
  expect(await answerTurn(page, 'bright')).toContain('张桂兰');
  // A reload mid-quiz: the session, who came and the first answer are all still there.
  await page.reload();
  await page.getByTestId('quiz-turn').waitFor();
  expect(await page.getByTestId('quiz-last').textContent()).toContain('张桂兰');
  expect(await answerTurn(page, 'dark')).toContain('买买提·艾力');
  expect(await answerTurn(page, 'bright')).toContain('吐尔洪');
  await endSession(page);
  expect(await page.getByTestId('session-result').allTextContents()).toEqual([
    expect.stringContaining('1 / 1'),
    expect.stringContaining('0 / 1'),
    expect.stringContaining('1 / 1'),
  ]);

  // Still offline: the trainer puts the lesson's first step in the village's own words.
  const villageWords = '在院子里光线最好的地方拍我们自己的核桃。';
  await openTraining(page);
  await openLesson(page, 1);
  await openVariantEditor(page);
  await variantStep(page, 'light').getByTestId('variant-step-text').fill(villageWords);
  await page.getByTestId('variant-save').click();
  await page.getByTestId('variant-banner').waitFor();

  // Back online: the server holds the session, three attendances, three answers and the variant, each once.
  await tablet.setOffline(false);
  await syncNow(page);
  const sessions = (serverRows(server.dataDir, 'trainingSessions') as { id: string; endedAt: string | null }[]).filter((s) => s.id === sessionId);
  expect(sessions).toHaveLength(1);
  expect(sessions[0]!.endedAt).not.toBeNull();
  const attendances = (serverRows(server.dataDir, 'attendances') as { id: string; sessionId: string; present: boolean }[]).filter((a) => a.sessionId === sessionId);
  expect(attendances.filter((a) => a.present)).toHaveLength(3);
  expect(new Set(attendances.map((a) => a.id)).size).toBe(attendances.length);
  const answers = (serverRows(server.dataDir, 'quizAnswers') as { id: string; sessionId: string; answer: string; correct: boolean }[]).filter((a) => a.sessionId === sessionId);
  expect(answers.map((a) => a.answer).sort()).toEqual(['bright', 'bright', 'dark']);
  expect(answers.filter((a) => a.correct)).toHaveLength(2);
  expect(new Set(answers.map((a) => a.id)).size).toBe(3);
  const variants = (serverRows(server.dataDir, 'lessonVariants') as { lessonId: string; texts: Record<string, Record<string, string>> }[]).filter(
    (v) => v.lessonId === 'photos',
  );
  expect(variants).toHaveLength(1);
  expect(Object.values(variants[0]!.texts['light'] ?? {})).toContain(villageWords);
});
