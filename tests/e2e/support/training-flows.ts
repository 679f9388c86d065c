import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** The demo course pack the server imports on start, read from where the source keeps it. */
const DEMO_PACK_DIR = resolve(import.meta.dirname, '../../../src/server/seed/demo-pack');
export const DEMO_PACK_ID = 'sell-produce-online';

/** A file of the demo pack: its bytes and the sha256 it is served under. */
export function demoPackFile(path: string): { bytes: Buffer; sha256: string } {
  const bytes = readFileSync(join(DEMO_PACK_DIR, path));
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The demo pack's card in the list of course packs. */
function demoPackCard(page: Page) {
  return page.locator(`[data-testid="pack-card"][data-pack="${DEMO_PACK_ID}"]`);
}

/** More, then Training: the list of course packs. */
export async function openTraining(page: Page): Promise<void> {
  await page.getByTestId('nav-more').click();
  await page.getByTestId('nav-training').click();
  await page.getByTestId('pack-card').first().waitFor();
}

/** Taps Download on the demo pack and waits until it is ready offline. */
export async function downloadDemoPack(page: Page): Promise<void> {
  const card = demoPackCard(page);
  await card.getByTestId('pack-download-start').click();
  await card.getByTestId('pack-ready').waitFor({ timeout: 60_000 });
}

/** From the list: the demo pack's lesson number `lesson` (from 0), at its step `step` (from 1). */
export async function openLesson(page: Page, lesson: number, step = 1): Promise<void> {
  await demoPackCard(page).getByTestId('pack-open').click();
  await page.getByTestId('lesson-row').nth(lesson).click();
  await page.getByTestId('lesson-player').waitFor();
  for (let at = 1; at < step; at++) {
    await page.getByTestId('lesson-next').click();
    await page.getByTestId('lesson-step-count').filter({ hasText: String(at + 1) }).waitFor();
  }
}

/**
 * The SHA-256 of a media file as the tablet holds it: its chunks read
 * straight from IndexedDB in the page, joined and hashed there.
 */
export function storedSha256(page: Page, sha256: string): Promise<string | null> {
  return page.evaluate(async (sha) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('cunzhan');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const chunks = await new Promise<{ index: number; data: Blob }[]>((ok, fail) => {
      const read = db.transaction('packChunks').objectStore('packChunks').getAll(IDBKeyRange.bound([sha, 0], [sha, Number.MAX_SAFE_INTEGER]));
      read.onsuccess = () => ok(read.result as { index: number; data: Blob }[]);
      read.onerror = () => fail(read.error);
    });
    db.close();
    if (chunks.length === 0) return null;
    const bytes = await new Blob(chunks.sort((a, b) => a.index - b.index).map((c) => c.data)).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  }, sha256);
}

/** From the demo pack's page: starts a session of one lesson (its id) or of the whole course (''). */
export async function startSession(page: Page, lessonId: string): Promise<string> {
  await demoPackCard(page).getByTestId('pack-open').click();
  await page.getByTestId('session-scope').selectOption(lessonId);
  await page.getByTestId('session-start-button').click();
  await page.getByTestId('session-attendance').waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Marks a villager present by searching their name. */
export async function markPresent(page: Page, name: string): Promise<void> {
  const before = await page.getByTestId('session-attendee').count();
  await page.getByTestId('session-search').fill(name);
  await page.getByTestId('session-mark').filter({ hasText: name }).first().click();
  await page.getByTestId('session-attendee').nth(before).waitFor();
}

/** Adds a villager who is not on the tablet yet, with only their name (no consent), and marks them present. */
export async function addOnTheSpot(page: Page, name: string): Promise<void> {
  const before = await page.getByTestId('session-attendee').count();
  await page.getByTestId('session-add-villager').click();
  await page.getByTestId('session-add-name').fill(name);
  await page.getByTestId('session-add-save').click();
  await page.getByTestId('session-attendee').nth(before).waitFor();
}

/** The quiz turn now shown: whose it is, then taps the answer `answerId` (null: skips). */
export async function answerTurn(page: Page, answerId: string | null): Promise<string> {
  const turn = page.getByTestId('quiz-turn');
  await turn.waitFor();
  const who = (await turn.getByTestId('quiz-turn-who').textContent()) ?? '';
  const shownTurn = (await turn.textContent()) ?? '';
  if (answerId === null) await turn.getByTestId('quiz-skip').click();
  else await turn.locator(`[data-testid="quiz-tile"][data-answer="${answerId}"]`).click();
  // Saved once the turn has moved on: to the next villager or question, or off the screen after the last.
  await page.waitForFunction((shown) => document.querySelector('[data-testid="quiz-turn"]')?.textContent !== shown, shownTurn);
  await page.getByTestId('quiz-last').waitFor();
  return who;
}

/** From the quiz's end: the results, then ends the session. */
export async function endSession(page: Page): Promise<void> {
  await page.getByTestId('session-to-results').click();
  await page.getByTestId('session-results').waitFor();
  await page.getByTestId('session-end').click();
  await page.getByTestId('session-end-confirm').click();
  await page.getByTestId('session-ended').waitFor();
}

/** The pack version the tablet plays a pack from, read straight from IndexedDB in the page (null: none ready). */
export function readyPackVersion(page: Page, packId: string = DEMO_PACK_ID): Promise<number | null> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('cunzhan');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const pack = await new Promise<{ ready?: { version: number } } | undefined>((ok, fail) => {
      const read = db.transaction('packs').objectStore('packs').get(id);
      read.onsuccess = () => ok(read.result as { ready?: { version: number } } | undefined);
      read.onerror = () => fail(read.error);
    });
    db.close();
    return pack?.ready?.version ?? null;
  }, packId);
}

/** From the lesson player: the variant editor of this lesson. */
export async function openVariantEditor(page: Page): Promise<void> {
  await page.getByTestId('variant-adapt').click();
  await page.getByTestId('variant-editor').waitFor();
}

/** A step of the variant editor, by its step id. */
export function variantStep(page: Page, stepId: string) {
  return page.locator(`[data-testid="variant-step"][data-step="${stepId}"]`);
}
