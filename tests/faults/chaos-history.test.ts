import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeServerRows } from '../../src/server/admin/operations';
import { standardPlatformId, STANDARD_PLATFORMS } from '../../src/server/seed/platforms';
import type { AnyRow, TableName } from '../../src/shared/domain/entities';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { Order } from '../../src/shared/domain/orders';
import type { Parcel } from '../../src/shared/domain/parcels';
import { villageData } from '../bench/harness/village-fixtures';
import { storeKinds } from '../server/support/stores';
import { ChaosProxy } from './support/chaos-proxy';
import { expectHoldsServerRows } from './support/expect-sync';
import { inspectDb, type DbInspector } from './support/inspect-db';
import { startInProcessServer, type InProcessServer } from './support/in-process-server';
import { enrolNodeTablet } from './support/node-tablet';
import { runSeed, seededRandom } from './support/random';

/** A year of a small centre's orders and parcels: the closed history comes in several pages. */
const SCALE = { villagers: 200, orders: 3000, parcels: 1200, waitingParcels: 30, heavyOrders: 20 } as const;
const SEED_BATCH = 500;
/** Fresh tablets, one after another: each is cut at other points of its fetch. */
const TABLETS = 3;
/**
 * Cuts set at random points of each tablet's answers, on top of the link's
 * own: one connection carries a whole fetch (keep-alive), so the link's
 * own cut, drawn once per connection, may never come.
 */
const SET_CUTS = 4;
/** A fresh tablet's first sync takes about 600 kB down: the set cuts land within it. */
const SET_CUTS_WITHIN = 450 * 1024;

/**
 * A fresh tablet's first sync, closed history first and then the feed,
 * through a link cut at random bytes, while the centre goes on working: rows
 * close, closed rows change and new ones close between the tablet's tries,
 * before and after the history's snapshot. The tablet must end holding
 * exactly the server's rows, each in its latest version. Replay a failure
 * with FAULT_SEED=<the seed printed>.
 */
describe.each(storeKinds())('a fresh tablet fetching the closed history through a link cut at random bytes, on $name', (kind) => {
  const seed = runSeed();
  let server: InProcessServer;
  let link: ChaosProxy;
  let db: DbInspector;
  let data: ReturnType<typeof villageData>;

  beforeAll(async () => {
    server = await startInProcessServer(kind);
    // Cuts within a quarter megabyte: a history page (a megabyte, about 150 kB compressed) gets through now and then.
    link = await ChaosProxy.start(() => server.port, { seed, maxOffset: 256 * 1024 });
    db = await inspectDb(server.location);
    const centreId = server.centre.id;
    data = villageData(
      {
        centreId,
        staffIds: [server.clerk.id],
        platformIds: STANDARD_PLATFORMS.map((p) => standardPlatformId(centreId, p.key)),
        deviceId: uuidv7(),
        now: Date.now(),
      },
      seededRandom(seed),
      SCALE,
    );
    const rows: { table: TableName; row: AnyRow }[] = [
      ...data.customers.map((row) => ({ table: 'customers' as const, row })),
      ...data.orders.map((row) => ({ table: 'orders' as const, row })),
      ...data.parcels.map((row) => ({ table: 'parcels' as const, row })),
    ];
    for (let i = 0; i < rows.length; i += SEED_BATCH) await writeServerRows(server.store, centreId, rows.slice(i, i + SEED_BATCH));
  });
  afterAll(async () => {
    await db?.close();
    await link?.close();
    await server?.close();
  });

  it(`ends holding every row in its latest version (seed ${seed})`, async () => {
    const centreId = server.centre.id;
    const at = () => new Date().toISOString();
    const waiting = data.parcels.filter((p) => p.status === 'waiting');
    const collected = data.orders.filter((o) => o.status === 'collected');
    const open = data.orders.filter((o) => o.status === 'placed' || o.status === 'paid' || o.status === 'shipped');
    let changes = 0;
    // The centre's own work between the tablet's tries: each kind of change lands at some point of the fetch.
    const work: (() => Promise<void>)[] = [
      // A waiting parcel handed over: it closes after the snapshot.
      async () => writeServerRows(server.store, centreId, [{ table: 'parcels', row: { ...waiting[0]!, status: 'collected', updatedAt: at() } as Parcel }]),
      // A closed order edited again: its history version is stale, the feed brings the new one.
      async () => writeServerRows(server.store, centreId, [{ table: 'orders', row: { ...collected[0]!, platformOrderNo: 'EDITED-1', updatedAt: at() } as Order }]),
      // An open order cancelled.
      async () => writeServerRows(server.store, centreId, [{ table: 'orders', row: { ...open[0]!, status: 'cancelled', updatedAt: at() } as Order }]),
      // A closed order of the last villager edited: its pack may be written already.
      async () => writeServerRows(server.store, centreId, [{ table: 'orders', row: { ...collected.at(-1)!, platformOrderNo: 'EDITED-2', updatedAt: at() } as Order }]),
    ];
    const tablets = [];
    try {
      const random = seededRandom(seed + 1);
      for (let t = 0; t < TABLETS; t++) {
        for (let c = 0; c < SET_CUTS; c++) link.when('down', Math.floor(random() * SET_CUTS_WITHIN), () => undefined, { cut: true });
        tablets.push(
          await enrolNodeTablet({
            setupUrl: server.url,
            syncUrl: link.url,
            code: await server.issueCode(),
            label: `fresh-${t}`,
            firstSyncThroughLink: {
              afterFailure: async () => {
                const next = work[changes++];
                await next?.();
              },
            },
          }),
        );
      }
      // Whatever change did not land during the fetches lands now, and one more sync brings it.
      for (const next of work.slice(changes)) await next();
      link.chaos = false;
      const report = { seed, link: link.counts, firstSyncs: tablets.map((t) => t.firstSync), changesDuringFetch: Math.min(changes, work.length) };
      console.log(`closed history through chaos on ${kind.name}: ${JSON.stringify(report)}`);
      for (const tablet of tablets) {
        await tablet.engine.pull();
        await expectHoldsServerRows(db, centreId, tablet);
        const snapshot = await tablet.db.meta.get('historySnapshot');
        expect(snapshot?.value, 'the tablet fetched the closed history').toMatchObject({ done: true });
        expect(await tablet.db.historyPacks.count()).toBeGreaterThan(SCALE.villagers / 2);
      }
      expect(link.counts.cutsDown, JSON.stringify(report)).toBeGreaterThanOrEqual(TABLETS * SET_CUTS);
      for (const tablet of tablets) expect(tablet.firstSync!.failures, JSON.stringify(report)).toBeGreaterThan(0);
    } finally {
      for (const tablet of tablets) await tablet.close();
    }
  });
});
