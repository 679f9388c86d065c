// The bench harness: the tablet's real data layer (Dexie database, commands,
// session, sync engine) without the screens, driven from the bench through
// `window.bench`.
import type { Product } from '../../../src/shared/domain/entities';
import type { PullResponse } from '../../../src/shared/protocol/messages';
import { API } from '../../../src/shared/protocol/endpoints';
import { PROTOCOL_VERSION } from '../../../src/shared/protocol/version';
import { login } from '../../../src/client/auth/session';
import { completeSale } from '../../../src/client/data/commands';
import { receiptPrefix } from '../../../src/client/data/commands/receipt-no';
import { preloadCommands } from '../../../src/client/data/commands/run-command';
import { db } from '../../../src/client/data/db';
import { getDevice } from '../../../src/client/data/device';
import { enrolDevice } from '../../../src/client/data/enrol-device';
import { setMeta } from '../../../src/client/data/meta';
import { sweepAnswered, waitingCount, waitingEntries } from '../../../src/client/data/outbox-queue';
import { createSyncEngine } from '../../../src/client/sync/engine';
import { DURABLE_FLOOR_PATH, FLOOR_PATH, type Counts, type HarnessApi, type SyncRun } from './api';
import { basket, seededRandom, syncedSale } from './fixtures';
import { postFloor } from './floor';
import { fetchFloor, writeFloor } from './pull-floor';
import { tracedPull } from './pull-spans';
import { villageApi } from './village';

const random = seededRandom(20240601);
const engine = createSyncEngine({ db });
let floorPayload: { deviceId: string; mutations: unknown[] } | null = null;
let pulledPages: PullResponse[] | null = null;
let pushStartedAt = 0;

async function products(): Promise<Product[]> {
  const all = await db.products.toArray();
  if (all.length === 0) throw new Error('no products on this tablet: sync first');
  return all;
}

async function counts(): Promise<Counts> {
  const [sales, outbox, productCount, staff] = await Promise.all([
    db.sales.count(),
    waitingCount(db),
    db.products.count(),
    db.staff.count(),
  ]);
  return { sales, outbox, products: productCount, staff };
}

/** The captured mutations posted in batches to one of the bench server's floor endpoints. */
async function floorRun(path: string, batchSize: number, depth: number) {
  const payload = floorPayload;
  if (!payload) throw new Error('captureFloorPayload first');
  const envelope = (mutations: readonly unknown[]) => ({
    protocolVersion: PROTOCOL_VERSION,
    deviceId: payload.deviceId,
    mutations,
  });
  return postFloor(path, envelope, payload.mutations, batchSize, depth);
}

/** Runs one half (or all) of a sync and says whether the engine recorded an error. */
async function timed(run: () => Promise<void>): Promise<SyncRun> {
  const started = performance.now();
  let error: string | undefined;
  try {
    await run();
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const ms = performance.now() - started;
  error ??= engine.status.get().lastError ?? undefined;
  const { outbox, sales } = await counts();
  return error === undefined ? { ms, pending: outbox, sales } : { ms, pending: outbox, sales, error };
}

const api: HarnessApi = {
  ...villageApi,

  async enrol(code) {
    // The app syncs right after enrolment; here the bench decides when to sync and times it.
    const device = await enrolDevice(code, 'Bench tablet');
    return { deviceId: device.deviceId, centreId: device.centre.id };
  },

  async login(pin, staffName) {
    const staff = (await db.staff.toArray()).filter((s) => s.active && (staffName === undefined || s.name === staffName));
    for (const candidate of staff) {
      const session = await login(candidate.id, pin).catch(() => null); // wrong PIN for this person: the next one
      if (!session) continue;
      // The shared decide is fetched ahead, as the app does after its first screen: the pushes sell offline.
      await preloadCommands();
      return { staffId: session.staff.id, staffName: session.staff.name };
    }
    throw new Error(`nobody among ${staff.length} staff has that PIN`);
  },

  async createSales(n) {
    const shelf = await products();
    const started = performance.now();
    for (let i = 0; i < n; i++) await completeSale(basket(shelf, random));
    return { ms: performance.now() - started };
  },

  async captureFloorPayload() {
    const device = await getDevice();
    if (!device) throw new Error('not enrolled');
    const entries = await waitingEntries(db);
    floorPayload = {
      deviceId: device.deviceId,
      // The same envelopes the app sends, signatures included: the floor carries the same bytes.
      mutations: entries.map(({ id, kind, args, staffId, createdAt, keyId, proof }) => ({ id, kind, args, staffId, createdAt, keyId, proof })),
    };
    return { mutations: entries.length };
  },

  floor: (batchSize) => floorRun(FLOOR_PATH, batchSize, 1),
  durableFloor: (batchSize) => floorRun(DURABLE_FLOOR_PATH, batchSize, 2),

  syncNow: () => timed(() => engine.syncNow()),
  push: () => {
    performance.clearResourceTimings();
    pushStartedAt = performance.now();
    return timed(() => engine.push());
  },
  pushTimeline: () =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.name.endsWith(API.push))
      .map((e) => ({
        start: e.startTime - pushStartedAt,
        firstByte: e.responseStart - pushStartedAt,
        end: e.responseEnd - pushStartedAt,
        bytes: e.encodedBodySize,
      })),
  pull: () => timed(() => engine.pull()),
  async sweep() {
    const started = performance.now();
    const entries = await sweepAnswered(db);
    return { ms: performance.now() - started, entries };
  },
  counts,

  async pullFetchFloor() {
    const device = await getDevice();
    if (!device) throw new Error('not enrolled');
    const { run, pages } = await fetchFloor(device.token);
    pulledPages = pages;
    return run;
  },

  async tracedPull(firstRows) {
    const device = await getDevice();
    if (!device) throw new Error('not enrolled');
    return tracedPull(device.token, firstRows);
  },

  async pullWriteFloor(run) {
    if (!pulledPages) throw new Error('pullFetchFloor first');
    return writeFloor(pulledPages, run);
  },

  async seedSyncedSales(n) {
    const device = await getDevice();
    const staff = (await db.staff.toArray()).find((s) => s.active);
    if (!device || !staff) throw new Error('enrol and sync first');
    const shelf = await products();
    const ctx = {
      centreId: device.centre.id,
      deviceId: device.deviceId,
      staffId: staff.id,
      receiptPrefix: receiptPrefix(device.deviceId, device.deviceNo),
    };
    const started = performance.now();
    // History over the last 100 days, oldest first, written in large transactions.
    const span = 100 * 86_400_000;
    const from = Date.now() - span - 86_400_000;
    const chunk = 5000;
    for (let done = 0; done < n; done += chunk) {
      const rows = [];
      for (let i = done; i < Math.min(n, done + chunk); i++) {
        rows.push(syncedSale(shelf, random, ctx, i + 1, new Date(from + Math.floor((span * i) / n))));
      }
      await db.sales.bulkPut(rows);
    }
    await setMeta(db, 'receiptCounter', n);
    return { ms: performance.now() - started };
  },

  async timeSales(n) {
    const shelf = await products();
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const order = basket(shelf, random);
      const started = performance.now();
      await completeSale(order);
      times.push(performance.now() - started);
    }
    return times;
  },
};

window.bench = api;
document.getElementById('status')!.textContent = 'ready';
