import type { Language } from '../../../src/shared/domain/entities';
import { LANGUAGE_STORAGE_KEY } from '../../../src/shared/first-screen/first-screen-preload';
import { BenchBrowser, type EmulatedLink } from './bench-browser';
import { throttled } from './app-tablet';
import { requestWaves, NetworkLog, type LoggedRequest } from './network-log';
import { round } from './results';
import { profiled } from './cpu-profile';
import { join } from 'node:path';

/** The slow link of the cold load: 400 ms, 400 kbit/s both ways. */
export const COLD_LINK = { latencyMs: 400, downloadKbit: 400, uploadKbit: 400 } as const satisfies EmulatedLink;

export interface ColdLoadCase {
  /** The language the tablet was set to. */
  language: Language;
  /** Reload while signed in, caches cleared, slow link and 4× CPU throttle → the sell screen usable. */
  ms: number;
  /** Sequential waves of the screen's code (scripts, styles, fonts) after the document. */
  waves: number;
  requests: number;
  bytes: number;
  /** Each code file with its wave and times (ms from the document's start): where the time goes. */
  files: { path: string; wave: number; startMs: number; endMs: number | null; bytes: number }[];
  /** Fetches over the network of each icon during the cold load and during a fresh tablet's first visit (enrol screen). */
  iconFetches: { coldLoad: Record<string, number>; firstVisit: Record<string, number> };
  /** Every icon request of the cold load: which of them the network answered. */
  iconRequests: { path: string; type: string; fromCache: boolean; status: number; startMs: number }[];
}

const CODE_TYPES = new Set(['Document', 'Script', 'Stylesheet', 'Font']);

function sameOrigin(origin: string) {
  return (r: LoggedRequest) => r.url.startsWith(origin);
}

function iconFetches(requests: readonly LoggedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) {
    const path = new URL(r.url).pathname;
    if (!path.startsWith('/icons/') || r.fromCache) continue;
    counts[path] = (counts[path] ?? 0) + 1;
  }
  return counts;
}

/**
 * A signed-in tablet's reload with nothing cached: the service worker gone
 * with its caches and the HTTP cache cleared, on a 400 ms, 400 kbit/s link
 * at 4× CPU throttle, timed from the navigation's start until the sell
 * screen shows its products (the page's own clock). The tablet is set to
 * `language` first (the app keeps it in localStorage, which a reload keeps).
 */
export async function coldLoadCase(tablet: BenchBrowser, origin: string, language: Language = 'zh-CN'): Promise<ColdLoadCase> {
  const { page, cdp } = tablet;
  await page.getByTestId('product-tile').first().waitFor();
  await page.evaluate(([key, lang]) => localStorage.setItem(key, lang), [LANGUAGE_STORAGE_KEY, language] as const);
  await page.evaluate(async () => {
    // The app registers its worker once idle after drawing: wait for it, or it would register after the clearing.
    await navigator.serviceWorker.ready;
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
    for (const key of await caches.keys()) await caches.delete(key);
  });
  await tablet.poorLink(true, COLD_LINK);
  await cdp.send('Network.clearBrowserCache');
  const log = new NetworkLog(cdp);
  try {
    const reload = () => throttled(tablet, async () => {
      log.start();
      await page.reload({ waitUntil: 'commit' });
      const shownAt = await page.waitForFunction(
        () => {
          const tile = document.querySelector('[data-testid="product-tile"]');
          return tile && tile.getClientRects().length > 0 ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 120_000 },
      );
      return (await shownAt.jsonValue()) as number;
    });
    const ms = process.env.BENCH_PROFILE === '1' ? await profileColdLoad(tablet, reload) : await reload();
    const all = log.stop().filter(sameOrigin(origin));
    const documentStart = all.find((r) => r.type === 'Document')?.startS ?? all[0]?.startS ?? 0;
    const shownS = documentStart + ms / 1000;
    const code = all.filter((r) => CODE_TYPES.has(r.type) && r.startS <= shownS);
    const waves = requestWaves(code);
    return {
      language,
      ms: round(ms),
      waves: Math.max(0, ...waves),
      requests: all.filter((r) => r.startS <= shownS).length,
      bytes: all.filter((r) => r.startS <= shownS).reduce((n, r) => n + r.bytes, 0),
      files: code.map((r, i) => ({
        path: new URL(r.url).pathname,
        wave: waves[i]!,
        startMs: round((r.startS - documentStart) * 1000),
        endMs: r.endS === null ? null : round((r.endS - documentStart) * 1000),
        bytes: r.bytes,
      })),
      iconFetches: { coldLoad: iconFetches(all), firstVisit: await firstVisitIcons(origin) },
      iconRequests: all
        .filter((r) => new URL(r.url).pathname.startsWith('/icons/'))
        .map((r) => ({ path: new URL(r.url).pathname, type: r.type, fromCache: r.fromCache, status: r.status, startMs: round((r.startS - documentStart) * 1000) })),
    };
  } finally {
    await tablet.poorLink(false);
  }
}

/** The cold load under the page's profiler: where the time after the last byte goes (printed, and kept beside the results). */
async function profileColdLoad(tablet: BenchBrowser, reload: () => Promise<number>): Promise<number> {
  const run = await profiled(tablet.cdp, join(import.meta.dirname, '../results/cold-load.cpuprofile'), reload, 40);
  console.log(`[bench] cold load profile, ${round(run.totalMs)} ms:\n${run.lines.map((l) => `  ${l.selfMs} ms ${l.name}`).join('\n')}`);
  return run.result;
}

/** A fresh tablet's first visit (the enrol screen): how often each icon came over the network. */
async function firstVisitIcons(origin: string): Promise<Record<string, number>> {
  const fresh = await BenchBrowser.open();
  try {
    await fresh.cdp.send('Network.enable');
    const log = new NetworkLog(fresh.cdp);
    log.start();
    await fresh.page.goto(`${origin}/`, { waitUntil: 'load' });
    await fresh.page.getByTestId('enrol-code').waitFor();
    await fresh.page.waitForLoadState('networkidle');
    return iconFetches(log.stop().filter(sameOrigin(origin)));
  } finally {
    await fresh.close();
  }
}
