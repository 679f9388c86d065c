import { importDemoCourse } from '../../../src/server/seed/demo-course';
import { appTablet } from './app-tablet';
import type { BenchServer } from './bench-server';
import { coldLoadCase, type ColdLoadCase } from './cold-load';
import { counterUiCase, type CounterUiCase } from './counter-ui';
import { PackLink } from './pack-link';
import { importBigPack, lessonOpenCase, packDownloadCase, type LessonOpenCase, type PackDownloadCase } from './training-case';

/** The figures taken on the real built app in the browser: the counter's taps, a cold reload, training. */
export interface AppCase {
  counter: CounterUiCase;
  coldLoad: ColdLoadCase;
  /** The same cold load on a tablet set to Uyghur: its words are a chunk of their own. */
  coldLoadUg: ColdLoadCase;
  packDownload: PackDownloadCase;
  lessonOpen: LessonOpenCase;
}

interface AppCaseDeps {
  server: BenchServer;
  centreId: string;
  staff: { name: string; pin: string };
  log: (line: string) => void;
}

/** The parts of the app case; `BENCH_ONLY=app BENCH_APP_PARTS=counter,pack` runs some of them. */
export const APP_PARTS = ['counter', 'lesson', 'cold', 'pack'] as const;
export type AppPart = (typeof APP_PARTS)[number];

export async function appCase(deps: AppCaseDeps): Promise<AppCase> {
  return (await appCaseParts(deps, new Set(APP_PARTS))) as AppCase;
}

/** The named parts of the app case; the others are left out of the answer. */
export async function appCaseParts({ server, centreId, staff, log }: AppCaseDeps, parts: ReadonlySet<AppPart>): Promise<Partial<AppCase>> {
  const demo = await importDemoCourse(server.store, server.dataDir);
  const big = await importBigPack(server.store, server.dataDir);
  log(`packs imported: demo ${demo.id} v${demo.version}; ${big.files} files, ${big.bytes} bytes`);

  const figures: Partial<AppCase> = {};
  if (parts.has('counter') || parts.has('lesson') || parts.has('cold')) {
    const tablet = await appTablet(server.store, server.url, centreId, staff);
    try {
      if (parts.has('counter')) {
        const counter = (figures.counter = await counterUiCase(tablet, staff));
        log(`confirm → receipt p95 ${counter.confirmToReceipt.p95Ms} ms; tab switch p95 ${counter.tabSwitch.p95Ms} ms (first visits ${JSON.stringify(counter.tabFirstVisit.byTab)}); PIN → sell p50 ${counter.pinToSell.p50Ms} ms`);
      }
      if (parts.has('lesson')) {
        const lessonOpen = (figures.lessonOpen = await lessonOpenCase(tablet, demo.id));
        log(`lesson open offline p95 ${lessonOpen.p95Ms} ms (runs ${lessonOpen.runsMs.join(', ')})`);
      }
      if (parts.has('cold')) {
        await tablet.page.goto(`${server.url}/`);
        const coldLoad = (figures.coldLoad = await coldLoadCase(tablet, server.url));
        log(`cold load on the slow link: ${coldLoad.ms} ms, ${coldLoad.waves} waves, ${coldLoad.requests} requests, ${coldLoad.bytes} bytes; icons ${JSON.stringify(coldLoad.iconFetches)}`);
        const coldLoadUg = (figures.coldLoadUg = await coldLoadCase(tablet, server.url, 'ug'));
        log(`cold load on the slow link in Uyghur: ${coldLoadUg.ms} ms, ${coldLoadUg.waves} waves, ${coldLoadUg.requests} requests, ${coldLoadUg.bytes} bytes`);
      }
    } finally {
      await tablet.close();
    }
  }

  if (parts.has('pack')) {
    const link = await PackLink.start(Number(new URL(server.url).port));
    try {
      const downloader = await appTablet(server.store, link.url, centreId, staff);
      try {
        const packDownload = (figures.packDownload = await packDownloadCase(downloader, link, big));
        log(`pack download: ${packDownload.ms} ms against a floor of ${packDownload.floorMs} ms; ${packDownload.bytesDownloaded} bytes for ${packDownload.packBytes}; cuts ${packDownload.cuts}`);
      } finally {
        await downloader.close();
      }
    } finally {
      await link.close();
    }
  }
  return figures;
}
