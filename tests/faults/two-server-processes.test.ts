import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../src/shared/protocol/endpoints';
import { storeKinds, type OpenedStore } from '../server/support/stores';
import { expectAppliedOnceInOrder } from './support/expect-sync';
import { inspectDb } from './support/inspect-db';
import { enrolNodeTablet } from './support/node-tablet';
import { RoundRobinProxy } from './support/round-robin-proxy';
import { ServerProcess } from '../support/server-process';

const SALES = 3000;
/** Batches of 100: thirty pushes, two in flight, alternating between the processes. */
const PUSH_BATCH = { initial: 100, min: 100, max: 100 };
const SLOW_PUSH_MS = 2000;

const postgres = storeKinds().find((kind) => kind.name === 'postgres');

/**
 * Server processes keep no state of their own (DESIGN §6): two of them
 * behind a round-robin balancer on one PostgreSQL take a tablet's pipelined
 * pushes, each batch often on another process than the one before it. S1
 * and S2 hold, and no push waits seconds for a predecessor applied elsewhere.
 */
describe.runIf(postgres)('two server processes behind a round-robin proxy (PostgreSQL)', () => {
  let database: OpenedStore;
  const servers: ServerProcess[] = [];
  let balancer: RoundRobinProxy;

  beforeAll(async () => {
    database = await postgres!.open();
    const location = { databaseUrl: database.config.databaseUrl };
    // One after the other: the first start seeds the demo centre.
    for (let i = 0; i < 2; i++) servers.push(await ServerProcess.start(location));
    balancer = await RoundRobinProxy.start(servers.map((s) => s.port));
  });
  afterAll(async () => {
    await balancer?.close();
    for (const server of servers) await server.dispose();
    await database?.dispose();
  });

  it(`applies ${SALES} pipelined sales once and in order, no push taking ${SLOW_PUSH_MS} ms`, async () => {
    const tablet = await enrolNodeTablet({
      code: servers[0]!.createEnrolCode(),
      setupUrl: servers[0]!.url,
      syncUrl: balancer.url,
      label: 'balanced',
      pushBatch: PUSH_BATCH,
    });
    try {
      await tablet.sell(SALES);
      const queued = await tablet.queuedSales();
      const pushed = await tablet.pushUntilEmpty({ attempts: 3 });

      const pushes = balancer.forwarded.filter((f) => f.path.startsWith(API.push));
      const report = {
        pushed,
        requests: pushes.length,
        byServer: [0, 1].map((i) => pushes.filter((p) => p.upstream === i).length),
        statuses: pushes.map((p) => p.status).filter((s) => s !== 200),
        slowestMs: Math.round(Math.max(...pushes.map((p) => p.ms))),
      };
      console.log(`two processes: ${JSON.stringify(report)}`);

      const db = await inspectDb(database.config);
      try {
        await expectAppliedOnceInOrder(db, tablet.ctx.centreId, tablet, queued);
      } finally {
        await db.close();
      }
      expect(report.byServer.every((n) => n > 0), JSON.stringify(report)).toBe(true);
      expect(report.slowestMs, JSON.stringify(report)).toBeLessThan(SLOW_PUSH_MS);
      expect(pushed.failures).toBe(0);
    } finally {
      await tablet.close();
    }
  });
});
