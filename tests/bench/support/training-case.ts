import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPack } from '../../../src/server/packs/import-pack';
import { MediaFiles, mediaDirOf } from '../../../src/server/packs/media-files';
import type { Store } from '../../../src/server/store/store';
import { openTraining } from '../../e2e/support/training-flows';
import { POOR_LINK, type BenchBrowser } from './bench-browser';
import { tapUntil, throttled } from './app-tablet';
import { timing, type UiTiming } from './counter-ui';
import type { PackLink } from './pack-link';
import { round } from './results';

const BIG_PACK_ID = 'bench-big-pack';
const BIG_PACK_FILES = 5;
const BIG_PACK_FILE_BYTES = 10 * 1024 * 1024;
/** The bench's poor link (300 ms, 250 kbit/s) with its bandwidth 80× wider: 20 Mbit/s, the latency kept. */
export const PACK_LINK = { latencyMs: POOR_LINK.latencyMs, bytesPerSecond: (POOR_LINK.downloadKbit * 80 * 1000) / 8 } as const;
const LESSON_OPENS = 12;

export interface PackDownloadCase {
  packBytes: number;
  files: number;
  /** Body bytes that reached the tablet, manifest and media, the cut answer's bytes included. */
  bytesDownloaded: number;
  ms: number;
  /** Pack bytes over the link's bandwidth. */
  floorMs: number;
  link: { latencyMs: number; bytesPerSecond: number };
  cuts: number;
}

export interface LessonOpenCase extends UiTiming {
  lessons: number;
}

const text = (s: string) => ({ 'zh-CN': s, en: s, ug: s });

/** A 50 MB pack of random bytes (they do not compress), imported into the server's store through the import code. */
export async function importBigPack(store: Store, dataDir: string): Promise<{ bytes: number; files: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cunzhan-bench-pack-'));
  try {
    mkdirSync(join(dir, 'media'));
    const files = Array.from({ length: BIG_PACK_FILES }, (_, i) => ({ path: `media/part-${i + 1}.mp4`, type: 'video/mp4' }));
    for (const f of files) writeFileSync(join(dir, f.path), randomBytes(BIG_PACK_FILE_BYTES));
    const manifest = {
      format: 'cunzhan-pack-1',
      course: { id: BIG_PACK_ID, title: text('Bench 50 MB'), summary: text('Five videos of random bytes.') },
      lessons: [{ id: 'videos', title: text('Videos'), steps: files.map((f, i) => ({ id: `part-${i + 1}`, kind: 'video', media: f.path })) }],
      files,
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const imported = await importPack(store, new MediaFiles(mediaDirOf(dataDir)), dir);
    return { bytes: imported.totalBytes, files: imported.files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The big pack downloaded through the app's Training screen over the slow
 * link, cut once at half its bytes; the stop is answered by tapping Resume
 * at once. Timed from the first tap to the pack ready offline.
 */
export async function packDownloadCase(tablet: BenchBrowser, link: PackLink, pack: { bytes: number; files: number }): Promise<PackDownloadCase> {
  const { page } = tablet;
  await openTraining(page);
  const card = page.locator(`[data-testid="pack-card"][data-pack="${BIG_PACK_ID}"]`);
  await card.getByTestId('pack-download-start').waitFor();
  link.latencyMs = PACK_LINK.latencyMs;
  link.bytesPerSecond = PACK_LINK.bytesPerSecond;
  link.cutAt = Math.floor(pack.bytes / 2);
  link.bodyBytes = 0;
  link.mediaBytes = 0;
  link.cuts = 0;
  link.shaping = true;
  try {
    const started = performance.now();
    await card.getByTestId('pack-download-start').click();
    await page.getByTestId('pack-resume').waitFor({ timeout: 10 * 60_000 });
    await page.getByTestId('pack-resume').click();
    await page.getByTestId('pack-stopped').waitFor({ state: 'detached' });
    // Ready, or stopped a second time: then the reason is the bench's answer, not a long wait.
    await card.locator('[data-testid="pack-ready"], [data-testid="pack-stopped"]').first().waitFor({ timeout: 10 * 60_000 });
    const ms = performance.now() - started;
    const stopped = await card.getByTestId('pack-stopped').getAttribute('data-reason', { timeout: 1 }).catch(() => null);
    if (stopped !== null) throw new Error(`the resumed download stopped again: ${stopped}`);
    return {
      packBytes: pack.bytes,
      files: pack.files,
      bytesDownloaded: link.bodyBytes,
      ms: round(ms),
      floorMs: round((pack.bytes * 1000) / PACK_LINK.bytesPerSecond),
      link: { ...PACK_LINK },
      cuts: link.cuts,
    };
  } finally {
    link.shaping = false;
    link.cutAt = null;
  }
}

/**
 * The demo pack (downloaded first, online), then offline at 4× CPU throttle:
 * from tapping a lesson in the pack's list to its first step shown, each
 * lesson in turn, back to the list between.
 */
export async function lessonOpenCase(tablet: BenchBrowser, packId: string): Promise<LessonOpenCase> {
  const { page } = tablet;
  await openTraining(page);
  const card = page.locator(`[data-testid="pack-card"][data-pack="${packId}"]`);
  const start = card.getByTestId('pack-download-start');
  if (await start.count()) await start.click();
  await card.getByTestId('pack-ready').waitFor({ timeout: 120_000 });
  await card.getByTestId('pack-open').click();
  await page.getByTestId('lesson-row').first().waitFor();
  const lessons = await page.getByTestId('lesson-row').count();
  await tablet.context.setOffline(true);
  try {
    const runs = await throttled(tablet, async () => {
      const times: number[] = [];
      // One untimed open first: the player's code comes from the service worker once.
      for (let i = 0; i <= LESSON_OPENS; i++) {
        const ms = await tapUntil(page, 'lesson-row', 'lesson-step', i % lessons);
        if (i > 0) times.push(ms);
        await page.getByTestId('lesson-back').click();
        await page.getByTestId('lesson-row').first().waitFor();
      }
      return times;
    });
    return { ...timing(runs), lessons };
  } finally {
    await tablet.context.setOffline(false);
  }
}
