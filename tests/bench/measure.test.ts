// `npm run bench`: sync throughput and wire bytes against a floor measured in
// the same run, a fresh tablet's first pull, a push over a poor link, the
// first screen's JavaScript, and one counter sale with 100,000 sales stored.
// Then the server figures against built server processes (see server/run-server-cases.ts).
// Quicker runs that leave latest.json alone: BENCH_ONLY=sync (push and pull),
// BENCH_ONLY=pull (the fresh tablet's pull alone, sales seeded in the server's store),
// BENCH_ONLY=push (the pushes alone); with BENCH_PROFILE=1 (CPU profiles of the pull
// and of the pushes, and each push request's timing) or BENCH_SPANS=<first page rows>;
// or any of BENCH_ONLY=durable|ingest|twoProcess|fatPull|proofVerify (the 10,000 push over its
// durable floor, BENCH_DURABLE_SALES to shorten; the server figures, SERVER_SCALE knobs);
// BENCH_ONLY=village (villager search, parcels list, villager page, the 50,000-order pull);
// BENCH_ONLY=sale (the counter sale with 100,000 stored; BENCH_PROFILE=1 profiles it);
// BENCH_ONLY=app (the real app: confirm to receipt, tab switches, PIN to sell, the cold
// reload on a slow link, the 50 MB pack download with a cut, lesson opening;
// BENCH_APP_PARTS=counter,lesson,cold,pack picks some of them);
// BENCH_ONLY=scan (a barcode in front of the camera to its line in the cart).
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { issueEnrolCode } from '../../src/server/auth/enrol-codes';
import { DEMO_STAFF, seedDemoIfEmpty } from '../../src/server/seed/demo';
import { STAFF_KEY_ITERATIONS } from '../../src/shared/auth/staff-key';
import type { FetchFloorRun, SyncRun, WriteFloorRun } from './harness/api';
import { BenchBrowser } from './support/bench-browser';
import { BenchServer, HARNESS_BASE } from './support/bench-server';
import { buildHarness } from './support/build-harness';
import { profiled, type ProfileLine } from './support/cpu-profile';
import { cpuDelta, cpuSnapshot } from './support/process-cpu';
import { measureFirstScreenJs } from './support/first-screen';
import { syncOk } from './server/harness-tablet';
import { runServerCases, SERVER_PARTS } from './server/run-server-cases';
import { assembleResults } from './support/assemble-results';
import { appCase, appCaseParts, APP_PARTS } from './support/app-case';
import { scanCase } from './support/scan-case';
import {
  formatTable,
  measured,
  median,
  percentile,
  pullRatioToFloor,
  pushRatioToFloor,
  round,
  writeResults,
  type Measured,
  type PushCase,
  type PullCase,
  type PullFloor,
  type PinUnlockTiming,
  type SaleCase,
  type SaleTiming,
} from './support/results';
import { seedServerSales } from './support/seed-server-sales';
import { villageCase, type VillageCase } from './support/village-case';
import { WireMeter } from './support/wire-meter';

const ROOT = resolve(import.meta.dirname, '../..');
// BENCH_CLIENT_DIR: a copy of a build, so that building again meanwhile does not change the app under measure.
const CLIENT_DIR = process.env.BENCH_CLIENT_DIR ?? join(ROOT, 'dist/client');
const RESULTS = join(import.meta.dirname, 'results/latest.json');
const FLOOR_BATCH = 500;
const FLOOR_RUNS = 3;
const STORED_SALES = 100_000;
const TIMED_SALES = 200;

const CLERK = DEMO_STAFF.find((s) => s.role === 'clerk') ?? DEMO_STAFF[0]!;

let server: BenchServer;
let harnessDir: string;
const tablets: BenchBrowser[] = [];
let centreId: string;

function log(line: string): void {
  process.stdout.write(`[bench] ${line}\n`);
}

beforeAll(async () => {
  harnessDir = await buildHarness();
  server = await BenchServer.start({ clientDir: CLIENT_DIR, harnessDir });
  centreId = (await seedDemoIfEmpty(server.store)).centre.id;
});

afterAll(async () => {
  for (const tablet of tablets) await tablet.close();
  await server?.close();
  if (harnessDir) rmSync(harnessDir, { recursive: true, force: true });
});

/** A tablet on the harness page, enrolled through the real /api/enrol with a fresh one-time code. */
async function enrolledTablet(centre = centreId): Promise<BenchBrowser> {
  const tablet = await BenchBrowser.open();
  tablets.push(tablet);
  await tablet.page.goto(`${server.url}${HARNESS_BASE}`);
  await tablet.page.waitForFunction(() => 'bench' in window);
  const { code } = await issueEnrolCode(server.store, centre, 1);
  await tablet.page.evaluate((c) => window.bench.enrol(c), code);
  return tablet;
}

/** An enrolled tablet after its first sync, with the clerk signed in. */
async function clerkTablet(): Promise<BenchBrowser> {
  const tablet = await enrolledTablet();
  syncOk(await tablet.page.evaluate(() => window.bench.syncNow()), 'first sync');
  await tablet.page.evaluate(([pin, name]) => window.bench.login(pin, name), [CLERK.pin, CLERK.name] as const);
  return tablet;
}

async function closeTablet(tablet: BenchBrowser): Promise<void> {
  tablets.splice(tablets.indexOf(tablet), 1);
  await tablet.close();
}

/** `work`'s figures, or its failure recorded rather than thrown, so the figures taken before it are kept. */
async function failureKept<T>(work: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await work();
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Runs `work` (timed by the page) and takes what the server saw meanwhile. */
async function measure(work: () => Promise<{ ms: number }>): Promise<Measured> {
  const wireBefore = server.meter.snapshot();
  const serverBefore = server.serverTimes();
  const { ms } = await work();
  const wire = WireMeter.delta(wireBefore, server.meter.snapshot());
  const serverAfter = server.serverTimes();
  const serverMs = Object.fromEntries(
    Object.entries(serverAfter)
      .map(([k, v]) => [k, v - (serverBefore[k] ?? 0)] as const)
      .filter(([, v]) => v > 0),
  );
  return measured(ms, wire, serverMs);
}

interface ProfiledRun {
  result: SyncRun;
  lines: ProfileLine[];
  totalMs: number;
}

/** The median run of `run`, taken `times` times, and every run's time. */
async function medianRun(times: number, run: () => Promise<Measured>): Promise<Measured & { runsMs: number[] }> {
  const runs: Measured[] = [];
  for (let i = 0; i < times; i++) runs.push(await run());
  const mid = median(runs.map((r) => r.ms));
  return { ...runs.find((r) => r.ms === mid)!, runsMs: runs.map((r) => r.ms) };
}

/**
 * Sales made offline through the real command, then the floor (the same
 * mutations as gzip JSON in batches of 500 to a bare endpoint, median of
 * several runs), with `durable` the durable floor too (the same bodies, two
 * in flight, stored in SQLite), and the real engine's push, then the pull that follows it.
 */
async function pushCase(tablet: BenchBrowser, sales: number, link: 'local' | 'poor', durable = false): Promise<PushCase> {
  const { page } = tablet;
  await tablet.context.setOffline(true);
  const created = await page.evaluate((n) => window.bench.createSales(n), sales);
  await tablet.context.setOffline(false);
  const { mutations } = await page.evaluate(() => window.bench.captureFloorPayload());
  expect(mutations).toBe(sales);
  log(`${sales} sales created offline in ${round(created.ms / 1000, 2)} s (${link} link)`);

  if (link === 'poor') await tablet.poorLink(true);
  try {
    const floor = await medianRun(link === 'poor' ? 1 : FLOOR_RUNS, () => measure(() => page.evaluate((b) => window.bench.floor(b), FLOOR_BATCH)));
    const durableFloor = !durable
      ? undefined
      : await medianRun(FLOOR_RUNS, () => {
          server.durable.reset();
          return measure(() => page.evaluate((b) => window.bench.durableFloor(b), FLOOR_BATCH));
        });
    const pushOnce = async () => syncOk(await page.evaluate(() => window.bench.push()), 'push');
    let profile: ProfiledRun | undefined;
    const cpuBefore = cpuSnapshot(tablet.profileDir);
    const push = await measure(async () => {
      if (process.env.BENCH_PROFILE !== '1' || link !== 'local') return pushOnce();
      const file = join(dirname(RESULTS), `push${sales}.cpuprofile`);
      profile = await profiled(tablet.cdp, file, pushOnce);
      return profile.result;
    });
    const cpuMs = cpuDelta(cpuBefore, cpuSnapshot(tablet.profileDir));
    log(`CPU ms by process: push ${sales} ${JSON.stringify(cpuMs)}`);
    if (process.env.BENCH_PROFILE === '1') {
      for (const span of await page.evaluate(() => window.bench.pushTimeline())) log(`  request ${JSON.stringify(span, (_, v: unknown) => (typeof v === 'number' ? round(v) : v))}`);
    }
    if (profile) {
      log(`CPU profile of push ${sales}, ${round(profile.totalMs)} ms, most self time:`);
      for (const line of profile.lines) log(`  ${String(line.selfMs).padStart(8)} ms  ${line.name}`);
    }
    const pullAfterPush = await measure(async () => syncOk(await page.evaluate(() => window.bench.pull()), 'pull'));
    const sweepAfterPush = await page.evaluate(() => window.bench.sweep());
    expect(sweepAfterPush.entries).toBe(sales);
    const left = await page.evaluate(() => window.bench.counts());
    expect(left.outbox).toBe(0);
    const durableNote = durableFloor ? `, durable floor ${durableFloor.ms} ms` : '';
    log(`push ${sales} (${link}): ${push.ms} ms, floor ${floor.ms} ms${durableNote}; pull after push ${pullAfterPush.ms} ms; sweep ${round(sweepAfterPush.ms)} ms`);
    return {
      sales,
      link,
      createMs: round(created.ms),
      floor,
      ...(durableFloor ? { durableFloor } : {}),
      push,
      pushCpuMs: cpuMs,
      pullAfterPush,
      sweepAfterPush: { ms: round(sweepAfterPush.ms), entries: sweepAfterPush.entries },
    };
  } finally {
    if (link === 'poor') await tablet.poorLink(false);
  }
}

/**
 * A fresh tablet's first sync, timed; then, in the same browser, its floors
 * (median of several runs): fetching and parsing the same pages, and writing
 * the rows they held with raw IndexedDB into a scratch database.
 * `BENCH_PROFILE=1` records a CPU profile of the timed sync; `BENCH_SPANS=<first
 * page rows>` times a traced copy of the pull loop instead and logs each page's steps.
 */
async function pullCase(): Promise<PullCase> {
  const tablet = await enrolledTablet();
  try {
    const { page } = tablet;
    const firstSync = async () => syncOk(await page.evaluate(() => window.bench.syncNow()), 'first sync');
    let profile: PullCase['profile'];
    const cpuBefore = cpuSnapshot(tablet.profileDir);
    const result = await measure(async () => {
      if (process.env.BENCH_SPANS) {
        const traced = await page.evaluate((n) => window.bench.tracedPull(n), Number(process.env.BENCH_SPANS));
        for (const p of traced.pages) log(`  page ${JSON.stringify(p)}`);
        return traced;
      }
      if (process.env.BENCH_PROFILE !== '1') return firstSync();
      const file = join(dirname(RESULTS), 'pull10k.cpuprofile');
      const run = await profiled(tablet.cdp, file, firstSync);
      profile = { file, totalMs: round(run.totalMs), top: run.lines };
      return run.result;
    });
    const cpuMs = cpuDelta(cpuBefore, cpuSnapshot(tablet.profileDir));
    const counts = await page.evaluate(() => window.bench.counts());
    const rows = counts.sales + counts.products + counts.staff;
    const fetches: (Measured & { run: FetchFloorRun })[] = [];
    const writes: WriteFloorRun[] = [];
    let floorCpu: { fetch: Record<string, number>; write: Record<string, number> } | undefined;
    for (let i = 0; i < FLOOR_RUNS; i++) {
      let run: FetchFloorRun | undefined;
      const beforeFetch = cpuSnapshot(tablet.profileDir);
      const wire = await measure(async () => {
        run = await page.evaluate(() => window.bench.pullFetchFloor());
        return run;
      });
      fetches.push({ ...wire, run: run! });
      const beforeWrite = cpuSnapshot(tablet.profileDir);
      writes.push(await page.evaluate((n) => window.bench.pullWriteFloor(n), i));
      if (i === 0) floorCpu = { fetch: cpuDelta(beforeFetch, beforeWrite), write: cpuDelta(beforeWrite, cpuSnapshot(tablet.profileDir)) };
    }
    const fetchFloor = fetches.find((f) => f.ms === median(fetches.map((x) => x.ms)))!;
    const writeFloor = writes.find((w) => w.ms === median(writes.map((x) => x.ms)))!;
    expect(writeFloor.rows).toBe(fetchFloor.run.rows);
    const floor: PullFloor = {
      fetch: { ...fetchFloor, rows: fetchFloor.run.rows, runsMs: fetches.map((f) => f.ms), cpuMs: floorCpu?.fetch ?? {} },
      write: {
        ms: round(writeFloor.ms),
        rows: writeFloor.rows,
        transactions: writeFloor.transactions,
        runsMs: writes.map((w) => round(w.ms)),
        cpuMs: floorCpu?.write ?? {},
      },
    };
    log(
      `fresh tablet pulled ${counts.sales} sales in ${result.ms} ms; floors: fetch+parse ${floor.fetch.ms} ms, ` +
        `IndexedDB write ${floor.write.ms} ms (${floor.write.rows} rows); server handler ${result.serverMs.pull ?? 0} ms`,
    );
    log(`CPU ms by process: pull ${JSON.stringify(cpuMs)}; fetch floor ${JSON.stringify(floor.fetch.cpuMs)}; write floor ${JSON.stringify(floor.write.cpuMs)}`);
    if (profile) {
      log(`CPU profile (${profile.file}), ${profile.totalMs} ms, most self time:`);
      for (const line of profile.top) log(`  ${String(line.selfMs).padStart(8)} ms  ${line.name}`);
    }
    return { ...result, rows, sales: counts.sales, floor, cpuMs, ...(profile ? { profile } : {}) };
  } finally {
    await closeTablet(tablet);
  }
}

/** Times TIMED_SALES counter sales after a short untimed warm-up. */
async function timeSales(tablet: BenchBrowser): Promise<SaleTiming> {
  const { page } = tablet;
  await page.evaluate(() => window.bench.timeSales(20));
  const storedSales = (await page.evaluate(() => window.bench.counts())).sales;
  const times = (await page.evaluate((n) => window.bench.timeSales(n), TIMED_SALES)).sort((a, b) => a - b);
  return {
    storedSales,
    samples: times.length,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(times.at(-1)!),
    meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
  };
}

/** Signing in again (the PIN unwraps the staff key) with the CPU slowed 4×, as on a cheap tablet. */
async function pinUnlockCase(tablet: BenchBrowser): Promise<PinUnlockTiming> {
  const runsMs: number[] = [];
  await tablet.cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      await tablet.page.evaluate(([pin, name]) => window.bench.login(pin, name), [CLERK.pin, CLERK.name] as const);
      runsMs.push(Date.now() - started);
    }
  } finally {
    await tablet.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  return { runsMs, medianMs: median(runsMs), iterations: STAFF_KEY_ITERATIONS };
}

/**
 * The same counter sale timed twice on one tablet (offline, so no sync runs
 * between): first with only the centre's synced sales stored (the baseline),
 * then after 100,000 more were written straight into IndexedDB.
 */
async function saleCase(): Promise<SaleCase> {
  const tablet = await clerkTablet();
  try {
    const { page } = tablet;
    const pinUnlock = await pinUnlockCase(tablet);
    log(`PIN to signed in at 4× throttle: ${pinUnlock.medianMs} ms (runs ${pinUnlock.runsMs.join(', ')})`);
    await tablet.context.setOffline(true);
    const baseline = await timeSales(tablet);
    const seed = await page.evaluate((n) => window.bench.seedSyncedSales(n), STORED_SALES);
    log(`${STORED_SALES} sales stored in ${round(seed.ms / 1000, 2)} s (setup)`);
    if (process.env.BENCH_PROFILE === '1') {
      // Where a sale's time goes with the history stored (main thread; IndexedDB's commits show as idle).
      const run = await profiled(tablet.cdp, join(dirname(RESULTS), 'sale.cpuprofile'), () => timeSales(tablet));
      log(`CPU profile of ${run.result.samples} sales, ${round(run.totalMs)} ms (p95 ${run.result.p95Ms} ms), most self time:`);
      for (const line of run.lines) log(`  ${String(line.selfMs).padStart(8)} ms  ${line.name}`);
    }
    return { ...(await timeSales(tablet)), seedMs: round(seed.ms), baseline, pinUnlock };
  } finally {
    await closeTablet(tablet);
  }
}

/** The villager, order and parcel figures (support/village-case.ts), on tablets of this run's server. */
function runVillageCase(): Promise<VillageCase> {
  const syncedTablet = async () => {
    const tablet = await enrolledTablet();
    syncOk(await tablet.page.evaluate(() => window.bench.syncNow()), 'first sync');
    return tablet;
  };
  return villageCase({ store: server.store, syncedTablet, enrolledTablet, closeTablet, measure, log });
}

function pullRatios(c: PullCase): string {
  return `${pullRatioToFloor(c)}× max(fetch ${c.floor.fetch.ms} ms, write ${c.floor.write.ms} ms), ${round(c.ms / (c.floor.fetch.ms + c.floor.write.ms), 2)}× their sum`;
}

test('sync, size and latency figures', { timeout: 25 * 60_000 }, async () => {
  const started = Date.now();
  const browserVersion = await (async () => {
    const probe = await BenchBrowser.open();
    try {
      return probe.context.browser()?.version() ?? (await probe.page.evaluate(() => navigator.userAgent));
    } finally {
      await probe.close();
    }
  })();

  const only = new Set((process.env.BENCH_ONLY ?? '').split('|'));
  const serverOnly = new Set(SERVER_PARTS.filter((part) => only.has(part)));
  if (only.has('durable') || serverOnly.size > 0) {
    // Parts alone, for working on them; latest.json is left alone.
    if (only.has('durable')) {
      const a = await clerkTablet();
      await pushCase(a, 50, 'local');
      const c = await pushCase(a, Number(process.env.BENCH_DURABLE_SALES) || 10_000, 'local', true);
      log(`push ${c.sales}: ${c.push.ms} ms, ${round(c.push.ms / c.durableFloor!.ms, 2)}× durable floor ${c.durableFloor!.ms} ms (runs ${c.durableFloor!.runsMs.join(', ')}), ${pushRatioToFloor(c)}× unzip floor ${c.floor.ms} ms`);
      await closeTablet(a);
    }
    if (serverOnly.size > 0) log(JSON.stringify(await runServerCases(serverOnly, log)));
    return;
  }

  if (process.env.BENCH_ONLY === 'village') {
    // The villager, order and parcel figures alone; latest.json is left alone.
    log(JSON.stringify(await runVillageCase(), (k, v: unknown) => (k === 'runsMs' ? undefined : v)));
    return;
  }

  if (process.env.BENCH_ONLY === 'sale') {
    // The counter sale alone (BENCH_PROFILE=1 adds its CPU profile); latest.json is left alone.
    const sale = await saleCase();
    log(`sale only: ${sale.storedSales} stored, p50 ${sale.p50Ms} ms, p95 ${sale.p95Ms} ms; baseline p50 ${sale.baseline.p50Ms} ms, p95 ${sale.baseline.p95Ms} ms`);
    return;
  }

  if (process.env.BENCH_ONLY === 'scan') {
    // The scanner alone; latest.json is left alone.
    log(JSON.stringify(await scanCase({ store: server.store, origin: server.url, centreId, staff: CLERK })));
    return;
  }

  if (process.env.BENCH_ONLY === 'app') {
    // The real app's figures alone; latest.json is left alone.
    const named = (process.env.BENCH_APP_PARTS ?? APP_PARTS.join(',')).split(',');
    const parts = new Set(APP_PARTS.filter((part) => named.includes(part)));
    log(JSON.stringify(await appCaseParts({ server, centreId, staff: CLERK, log }, parts)));
    return;
  }

  if (process.env.BENCH_ONLY === 'pull') {
    // The pull alone, for working on it: the sales are written into the server's store
    // directly (setup) instead of being made and pushed by a tablet. latest.json is left alone.
    await seedServerSales(server.store, centreId, 10_050);
    const pull10k = await pullCase();
    log(`pull only: ${pull10k.ms} ms, ${pullRatios(pull10k)}`);
    log(JSON.stringify({ ...pull10k, profile: undefined }));
    return;
  }

  log('tablet A: enrol, first sync, log in');
  const a = await clerkTablet();
  await pushCase(a, 50, 'local'); // warm-up of both sides' code paths, not reported

  const push10k = await pushCase(a, 10_000, 'local', true);
  if (process.env.BENCH_ONLY === 'push') {
    // The pushes alone, for working on them: no pull case; latest.json is left alone.
    // The short push varies most from run to run: a few of them.
    const push1ks = [];
    for (let i = 0; i < 3; i++) push1ks.push(await pushCase(a, 1_000, 'local'));
    for (const c of [...push1ks, push10k]) {
      log(`push ${c.sales}: ${c.push.ms} ms in ${c.push.totalRequests} requests (${pushRatioToFloor(c)}× floor ${c.floor.ms} ms), server ${JSON.stringify(c.push.serverMs)}`);
    }
    await closeTablet(a);
    return;
  }
  const pull10k = await pullCase();
  const push1k = await pushCase(a, 1_000, 'local');
  if (process.env.BENCH_ONLY === 'sync') {
    // A quicker run of the sync figures alone, for working on the sync engine; latest.json is left alone.
    await closeTablet(a);
    log(`sync only: push 1k ${push1k.push.ms} ms (${pushRatioToFloor(push1k)}× floor), push 10k ${push10k.push.ms} ms (${pushRatioToFloor(push10k)}× floor), pull 10k ${pull10k.ms} ms (${pullRatios(pull10k)})`);
    log(JSON.stringify({ push1k, push10k, pull10k }));
    return;
  }
  const slowLinkPush1k = await pushCase(a, 1_000, 'poor');
  await closeTablet(a);

  log('counter sale with 100,000 sales stored');
  const sale = await saleCase();

  log('villagers, orders and parcels');
  const village = await runVillageCase();

  log('the real app: counter taps, cold reload, training');
  const app = await failureKept(() => appCase({ server, centreId, staff: CLERK, log }));

  log('the scanner: barcode to cart line');
  const scan = await failureKept(async () => {
    const measuredScan = await scanCase({ store: server.store, origin: server.url, centreId, staff: CLERK });
    log(`barcode to cart line at 4× throttle: median ${measuredScan.p50Ms} ms (runs ${measuredScan.runsMs.join(', ')}); first open ${measuredScan.openMs} ms`);
    return measuredScan;
  });

  log('first screen JavaScript');
  const firstScreen = await failureKept(() => {
    if (!existsSync(join(CLIENT_DIR, 'index.html'))) throw new Error('dist/client is missing: build the app first');
    return measureFirstScreenJs(server.url);
  });

  log('server figures: ingest, two processes, the largest pull');
  const serverCases = await runServerCases(new Set(SERVER_PARTS), log);

  const results = assembleResults(
    { push1k, push10k, slowLinkPush1k, pull10k, firstScreen, sale, village, server: serverCases, app, scan },
    { browser: `Chromium ${browserVersion}`, store: server.store.kind },
  );
  results.durationMs = Date.now() - started;
  writeResults(RESULTS, results);
  process.stdout.write(`\n${formatTable(results)}\n`);
  if ('error' in firstScreen) throw new Error(`first screen not measured: ${firstScreen.error}`);
});
