import { seedDemoIfEmpty } from '../../../src/server/seed/demo';
import type { Store } from '../../../src/server/store/store';
import type { Product, Sale, SaleLine } from '../../../src/shared/domain/entities';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { seededRandom } from '../harness/fixtures';
import type { BenchBrowser } from '../support/bench-browser';
import { round } from '../support/results';
import { centreShelf } from '../support/seed-server-sales';
import { freshSqlite } from './bench-db';
import { enrolTablet, harnessTablet } from './harness-tablet';
import { ServerProcess } from './server-process';

/** The most lines a sale may have, and the longest name in each language (sale.create's schema). */
const MAX_LINES = 200;
const MAX_NAME = 120;
const SALES_PER_TX = 10;
/** Distinct line names drawn once and reused: drawing 144 million characters would take most of a minute. */
const NAME_POOL = 4000;
const SAMPLE_MS = 20;

export interface FatPullRun {
  sales: number;
  /** One sale's JSON, as stored. */
  saleBytes: number;
  pulledSales: number;
  pullMs: number;
  /** Server RSS before the pull, its peak while the tablet pulled (sampled), and its lifetime peak (VmHWM). */
  rssBeforeMb: number;
  sampledPeakRssMb: number;
  peakRssMb: number;
  /** Set when the tablet's pull failed; the memory figures still stand. */
  error?: string;
}

/** `length` characters drawn from `alphabet`, so names differ and compress like real text. */
function text(random: () => number, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

const HAN = '大米面粉食用油酱醋盐糖茶叶鸡蛋牛奶洗衣粉香皂牙膏毛巾电池灯泡种子化肥农药饲料塑料薄膜水桶锅碗筷';
const LATIN = 'abcdefghijklmnopqrstuvwxyz ';
const UYGHUR = 'ئابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىي ';

type Names = SaleLine['names'];

function namePool(random: () => number): Names[] {
  return Array.from({ length: NAME_POOL }, () => ({
    'zh-CN': text(random, HAN, MAX_NAME),
    en: text(random, LATIN, MAX_NAME),
    ug: text(random, UYGHUR, MAX_NAME),
  }));
}

/** The largest sale the schema allows: 200 lines, each named in three languages at full length. */
function fatSale(products: readonly Product[], pool: readonly Names[], random: () => number, centreId: string, staffId: string, deviceId: string, n: number): Sale {
  const lines: SaleLine[] = [];
  for (let i = 0; i < MAX_LINES; i++) {
    const p = products[i % products.length]!;
    const names = pool[Math.floor(random() * pool.length)]!;
    lines.push({ productId: p.id, names, unit: p.unit, unitPriceFen: p.priceFen, qty: 1, lineTotalFen: p.priceFen });
  }
  const totalFen = lines.reduce((sum, l) => sum + l.lineTotalFen, 0);
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    centreId,
    receiptNo: `F-${String(n).padStart(4, '0')}`,
    lines,
    totalFen,
    tenderedFen: totalFen,
    changeFen: 0,
    payment: 'cash',
    channel: 'counter',
    deviceId,
    createdAt: now,
    updatedAt: now,
    createdBy: staffId,
  };
}

/** Setup: `n` fat sales written straight into the store, as if another tablet had pushed them. */
async function seedFatSales(store: Store, centreId: string, n: number): Promise<number> {
  const { products, staff } = await centreShelf(store, centreId);
  const random = seededRandom(11);
  const pool = namePool(random);
  const deviceId = uuidv7();
  let saleBytes = 0;
  for (let done = 0; done < n; done += SALES_PER_TX) {
    const sales: Sale[] = [];
    for (let i = done; i < Math.min(n, done + SALES_PER_TX); i++) sales.push(fatSale(products, pool, random, centreId, staff[0]!.id, deviceId, i + 1));
    saleBytes ||= Buffer.byteLength(JSON.stringify(sales[0]));
    await store.inCentreTx(centreId, (tx) => tx.writeRows(sales.map((row) => ({ table: 'sales', row })), deviceId));
  }
  return saleBytes;
}

/**
 * Server memory under the largest pull: a fresh tablet (Chromium, the real
 * engine) pulls `sales` maximum-size sales from one built server process
 * on SQLite, whose resident memory is sampled meanwhile.
 */
export async function fatPullCase(harnessRoot: string, sales: number, log: (line: string) => void): Promise<FatPullRun> {
  const db = freshSqlite();
  let server: ServerProcess | undefined;
  let tablet: BenchBrowser | undefined;
  try {
    const setup = await db.open();
    let saleBytes: number;
    let centreId: string;
    try {
      centreId = (await seedDemoIfEmpty(setup)).centre.id;
      const started = performance.now();
      saleBytes = await seedFatSales(setup, centreId, sales);
      log(`fat pull: ${sales} sales of ${round(saleBytes / 1e6, 2)} MB stored in ${round((performance.now() - started) / 1000, 1)} s (setup)`);
    } finally {
      await setup.close();
    }
    server = await ServerProcess.start({ ...db.env, CLIENT_DIR: harnessRoot });
    tablet = await harnessTablet(server.url);
    const codeStore = await db.open();
    try {
      await enrolTablet(tablet, codeStore, centreId);
    } finally {
      await codeStore.close();
    }
    const running = server;
    const rssBeforeMb = running.memory()?.rssMb ?? NaN;
    let sampledPeakRssMb = rssBeforeMb;
    const sampler = setInterval(() => {
      sampledPeakRssMb = Math.max(sampledPeakRssMb, running.memory()?.rssMb ?? 0);
    }, SAMPLE_MS);
    let error: string | undefined;
    let pullMs = NaN;
    try {
      const run = await tablet.page.evaluate(() => window.bench.syncNow());
      pullMs = run.ms;
      error = run.error;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    } finally {
      clearInterval(sampler);
    }
    const peakRssMb = running.memory()?.peakRssMb ?? NaN;
    const pulledSales = await tablet.page.evaluate(() => window.bench.counts()).then((c) => c.sales, () => NaN);
    if (error !== undefined) log(`fat pull failed: ${error}\n${running.lastOutput().slice(-2000)}`);
    log(`fat pull: ${pulledSales} of ${sales} sales in ${round(pullMs)} ms; server RSS ${round(rssBeforeMb)} MB before, peak ${round(peakRssMb)} MB`);
    return {
      sales,
      saleBytes,
      pulledSales,
      pullMs: round(pullMs),
      rssBeforeMb: round(rssBeforeMb),
      sampledPeakRssMb: round(sampledPeakRssMb),
      peakRssMb: round(peakRssMb),
      ...(error === undefined ? {} : { error }),
    };
  } finally {
    await tablet?.close();
    await server?.stop();
    await db.dispose();
  }
}
