// The villager, order and parcel figures: the app's queries on a tablet
// holding a busy centre's data, at 4× CPU throttle, and a fresh tablet's
// pull of the same data set from the server. Run from measure.test.ts.
import { join } from 'node:path';
import { createCentre, writeServerRows } from '../../../src/server/admin/operations';
import { standardPlatformId, STANDARD_PLATFORMS } from '../../../src/server/seed/platforms';
import type { Store } from '../../../src/server/store/store';
import type { AnyRow, TableName } from '../../../src/shared/domain/entities';
import { uuidv7 } from '../../../src/shared/domain/ids';
import type { VillageCounts, VillageQuery } from '../harness/village-api';
import { seededRandom } from '../harness/fixtures';
import { villageData, VILLAGE_SCALE } from '../harness/village-fixtures';
import { syncOk } from '../server/harness-tablet';
import type { BenchBrowser } from './bench-browser';
import { profiled } from './cpu-profile';
import { cpuDelta, cpuSnapshot } from './process-cpu';
import { percentile, round, type Measured } from './results';

/** Where a profile of the pull is written (BENCH_PROFILE=1). */
const RESULTS_DIR = join(import.meta.dirname, '../results');
/** Runs per query: p95 of 30 is the second slowest. */
const RUNS = 30;
const WARM_UP = 3;
/** Chromium's CDP throttle: a cheap tablet's CPU, as the PIN figure assumes. */
const THROTTLE = 4;
/** Rows per server transaction while seeding (setup). */
const SEED_BATCH = 1000;

export interface QueryTiming {
  runsMs: number[];
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** What the last run answered: villagers found, parcels listed, orders on the page. */
  answered: number;
}

export interface VillagePull extends Measured {
  counts: VillageCounts;
  /** Writing the rows into the server's store (setup, not timed as a figure). */
  seedMs: number;
}

export interface VillageCase {
  /** The tablet's data set (setup): rows written and the time taken. */
  seed: { ms: number; counts: VillageCounts };
  throttle: number;
  search: Record<'initials' | 'name' | 'phone', QueryTiming>;
  parcels: QueryTiming;
  page: QueryTiming;
  pull: VillagePull;
}

export interface VillageDeps {
  store: Store;
  /** An enrolled tablet after its first sync (the demo centre: its staff and platforms). */
  syncedTablet(): Promise<BenchBrowser>;
  /** An enrolled tablet of `centreId` that has not synced. */
  enrolledTablet(centreId: string): Promise<BenchBrowser>;
  closeTablet(tablet: BenchBrowser): Promise<void>;
  /** Times the page's work with what the server saw meanwhile. */
  measure(work: () => Promise<{ ms: number }>): Promise<Measured>;
  log(line: string): void;
}

function timing(times: readonly number[], answered: number): QueryTiming {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    runsMs: times.map((t) => round(t)),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1)!),
    answered,
  };
}

function expectCounts(counts: VillageCounts, what: string): void {
  // At least the data set: the demo centre's own villagers, orders and parcels come on top.
  const short =
    counts.customers < VILLAGE_SCALE.villagers ||
    counts.orders < VILLAGE_SCALE.orders ||
    counts.parcels < VILLAGE_SCALE.parcels ||
    counts.searchKeys !== counts.customers;
  if (short) throw new Error(`${what}: the tablet holds ${JSON.stringify(counts)}`);
}

/** The app's queries, each timed RUNS times at THROTTLE× on a tablet holding the data set. */
async function queryCase(deps: VillageDeps): Promise<Omit<VillageCase, 'pull'>> {
  const tablet = await deps.syncedTablet();
  try {
    const { page } = tablet;
    const seed = await page.evaluate(() => window.bench.seedVillage());
    expectCounts(seed.counts, 'seeded tablet');
    deps.log(`village data written into IndexedDB in ${round(seed.ms / 1000, 2)} s (setup): ${JSON.stringify(seed.counts)}`);
    const time = async (query: VillageQuery) => {
      const run = await page.evaluate(([q, n, w]) => window.bench.timeVillageQuery(q, n, w), [query, RUNS, WARM_UP] as const);
      const t = timing(run.times, run.answered);
      deps.log(`  ${query}: p50 ${t.p50Ms} ms, p95 ${t.p95Ms} ms, max ${t.maxMs} ms (answered ${t.answered})`);
      return t;
    };
    await tablet.cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    try {
      const search = { initials: await time('initials'), name: await time('name'), phone: await time('phone') };
      const parcels = await time('parcels');
      const pageTiming = await time('page');
      if (pageTiming.answered !== VILLAGE_SCALE.heavyOrders) throw new Error(`villager page listed ${pageTiming.answered} orders`);
      if (parcels.answered < VILLAGE_SCALE.waitingParcels) throw new Error(`waiting parcels listed ${parcels.answered}`);
      return { seed: { ms: round(seed.ms), counts: seed.counts }, throttle: THROTTLE, search, parcels, page: pageTiming };
    } finally {
      await tablet.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
  } finally {
    await deps.closeTablet(tablet);
  }
}

/** The data set written into a new centre as server rows (setup); its rows get seqs as the server's own writes do. */
async function seedServerVillage(store: Store): Promise<{ centreId: string; ms: number }> {
  const started = Date.now();
  const centre = await createCentre(store, { 'zh-CN': '压测服务站', en: 'Bench centre' });
  const data = villageData(
    {
      centreId: centre.id,
      staffIds: [uuidv7(), uuidv7(), uuidv7()],
      platformIds: STANDARD_PLATFORMS.map((p) => standardPlatformId(centre.id, p.key)),
      deviceId: uuidv7(),
      now: Date.now(),
    },
    seededRandom(50_000),
  );
  const rows: { table: TableName; row: AnyRow }[] = [
    ...data.customers.map((row) => ({ table: 'customers' as const, row })),
    ...data.orders.map((row) => ({ table: 'orders' as const, row })),
    ...data.parcels.map((row) => ({ table: 'parcels' as const, row })),
  ];
  for (let i = 0; i < rows.length; i += SEED_BATCH) await writeServerRows(store, centre.id, rows.slice(i, i + SEED_BATCH));
  return { centreId: centre.id, ms: Date.now() - started };
}

/** A fresh tablet of the new centre pulls it all through the real sync engine, unthrottled like the sales pull. */
async function pullCase(deps: VillageDeps): Promise<VillagePull> {
  const seed = await seedServerVillage(deps.store);
  deps.log(`village data written into the server's store in ${round(seed.ms / 1000, 2)} s (setup)`);
  const tablet = await deps.enrolledTablet(seed.centreId);
  try {
    const { page } = tablet;
    const cpuBefore = cpuSnapshot(tablet.profileDir);
    const sync = async () => syncOk(await page.evaluate(() => window.bench.syncNow()), 'village pull');
    let profile: Awaited<ReturnType<typeof profiled>> | undefined;
    const pulled = await deps.measure(async () => {
      if (process.env.BENCH_PROFILE !== '1') return sync();
      profile = await profiled(tablet.cdp, join(RESULTS_DIR, 'village-pull.cpuprofile'), sync, 40);
      return profile.result as { ms: number };
    });
    deps.log(`CPU ms by process, village pull: ${JSON.stringify(cpuDelta(cpuBefore, cpuSnapshot(tablet.profileDir)))}`);
    if (profile) {
      deps.log(`CPU profile of the village pull, ${round(profile.totalMs)} ms, most self time:`);
      for (const line of profile.lines) deps.log(`  ${String(line.selfMs).padStart(8)} ms  ${line.name}`);
    }
    const counts = await page.evaluate(() => window.bench.villageCounts());
    expectCounts(counts, 'pulled tablet');
    deps.log(`fresh tablet pulled the village data in ${pulled.ms} ms, ${pulled.totalRequests} requests: ${JSON.stringify(counts)}`);
    return { ...pulled, counts, seedMs: seed.ms };
  } finally {
    await deps.closeTablet(tablet);
  }
}

/**
 * The whole case. For working on the pull: BENCH_VILLAGE=pull runs the pull
 * alone (with BENCH_ONLY=village, which only logs the case, so the missing
 * query figures matter to nobody); BENCH_PROFILE=1 takes its CPU profile.
 * BENCH_VILLAGE=queries runs the queries alone, the same way.
 */
export async function villageCase(deps: VillageDeps): Promise<VillageCase> {
  if (process.env.BENCH_VILLAGE === 'pull') return { pull: await pullCase(deps) } as VillageCase;
  if (process.env.BENCH_VILLAGE === 'queries') return (await queryCase(deps)) as VillageCase;
  deps.log(`village queries at ${THROTTLE}× CPU throttle, ${RUNS} runs each`);
  const queries = await queryCase(deps);
  deps.log('fresh tablet pulls the village data set');
  return { ...queries, pull: await pullCase(deps) };
}
