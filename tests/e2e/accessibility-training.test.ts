import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LANGUAGES, type Language } from '../../src/shared/domain/entities';
import { Audit } from './support/axe';
import { readyTablet } from './support/flows';
import { answerTurn, DEMO_PACK_ID, downloadDemoPack, endSession, markPresent, openLesson, openTraining, openVariantEditor, startSession } from './support/training-flows';
import { ServerProcess } from '../support/server-process';
import { Tablet } from './support/tablet';

/**
 * The training screens audited with axe in each language at the tablet's
 * size and a small phone's: the list of packs (before and after the demo
 * pack is on the tablet), a pack's lessons, and the player at a text, a
 * picture, a video and a quiz step with its answer shown.
 */

let server: ServerProcess;
let tablet: Tablet;

beforeAll(async () => {
  server = await ServerProcess.start();
  tablet = await Tablet.open();
  await readyTablet(tablet.page, server.url, server.createEnrolCode(), '王芳', '111111');
});

afterAll(async () => {
  await tablet?.close();
  await server?.dispose();
});

async function useLanguage(page: Page, lang: Language): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('cunzhan.language', l), lang);
  await page.reload();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.getByTestId('current-staff').filter({ hasText: '王芳' }).waitFor();
}

for (const [i, lang] of LANGUAGES.entries()) {
  test(`training screens in ${lang}`, async () => {
    const { page } = tablet;
    const audit = new Audit();
    await useLanguage(page, lang);
    await openTraining(page);
    if (i === 0) {
      await page.locator(`[data-testid="pack-card"][data-pack="${DEMO_PACK_ID}"]`).getByTestId('pack-download-start').waitFor();
      await audit.check(page, `${lang} packs, none on the tablet`);
      await downloadDemoPack(page);
    }
    await page.getByTestId('pack-ready').waitFor();
    await audit.check(page, `${lang} packs, ready offline`);

    await page.getByTestId('pack-open').click();
    await page.getByTestId('lesson-row').first().waitFor();
    await audit.check(page, `${lang} pack lessons`);
    await page.getByTestId('pack-back').click();

    // A trainer session: who came, a picture question spoken aloud, the results, the centre's progress.
    await startSession(page, 'photos');
    await markPresent(page, '张桂兰');
    await audit.check(page, `${lang} session, attendance`);
    await page.getByTestId('session-to-quiz').click();
    await page.getByTestId('quiz-audio').waitFor();
    await audit.check(page, `${lang} session, quiz turn`);
    await answerTurn(page, 'bright');
    await endSession(page);
    await audit.check(page, `${lang} session, results`);
    await page.getByTestId('session-back').click();
    await page.getByTestId('course-progress').waitFor();
    await audit.check(page, `${lang} training progress`);
    await page.getByTestId('nav-villagers').click();
    await page.getByTestId('villagers-search').fill('张桂兰');
    await page.getByTestId('villager-row').first().click();
    await page.getByTestId('villager-training').getByTestId('villager-lesson').first().waitFor();
    await audit.check(page, `${lang} villager training`);
    await openTraining(page);

    // The live stream lesson: words, a picture, the video, the quiz.
    await openLesson(page, 3);
    await audit.check(page, `${lang} lesson, text`);
    await page.getByTestId('lesson-next').click();
    await page.getByTestId('lesson-image').waitFor();
    await audit.check(page, `${lang} lesson, picture`);
    await page.getByTestId('lesson-next').click();
    await page.getByTestId('lesson-video').waitFor();
    await audit.check(page, `${lang} lesson, video`);
    await page.getByTestId('lesson-next').click();
    await page.getByTestId('quiz-show-answer').click();
    await page.locator('.quiz-answer-right').waitFor();
    await audit.check(page, `${lang} lesson, quiz`);
    await page.getByTestId('lesson-finish').click();
    await page.getByTestId('training-pack').waitFor();
    // The demo centre's own take on the listing lesson: the player's banner, then the editor.
    await page.getByTestId('lesson-row').nth(2).click();
    await page.getByTestId('variant-banner').waitFor();
    await audit.check(page, `${lang} lesson, adapted`);
    await openVariantEditor(page);
    await audit.check(page, `${lang} lesson variant editor`);
    await page.getByTestId('variant-cancel').click();
    await page.getByTestId('lesson-player').waitFor();
    await page.getByTestId('nav-more').click();

    expect(audit.found).toEqual([]);
  });
}
