import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../server/support/stores';
import { ChaosProxy } from './support/chaos-proxy';
import { expectAppliedOnceInOrder, expectHoldsServerRows } from './support/expect-sync';
import { inspectDb, type DbInspector } from './support/inspect-db';
import { startInProcessServer, type InProcessServer } from './support/in-process-server';
import { enrolNodeTablet } from './support/node-tablet';
import { runSeed } from './support/random';

const ROUNDS = 4;
const SALES_PER_ROUND = 200;
/** Small batches: many requests, so many places to be cut. */
const PUSH_BATCH = { initial: 4, min: 2, max: 4 };
const MIN_CUTS = 200;

/**
 * S1–S4 on a link that dies at any byte: a tablet pushes a long queue made
 * offline and another pulls it, both through a proxy cutting connections
 * mid-request and mid-answer; each cut is a failed request the engine
 * repeats. Replay a failure with FAULT_SEED=<the seed printed>.
 */
describe.each(storeKinds())('sync through a link cut at random bytes, on $name', (kind) => {
  const seed = runSeed();
  let server: InProcessServer;
  let pushLink: ChaosProxy;
  let pullLink: ChaosProxy;
  let db: DbInspector;

  beforeAll(async () => {
    server = await startInProcessServer(kind);
    // Cuts within a few kilobytes: pushes of a few sales get through now and then, a
    // pull page (tens of kilobytes) only on a connection cut on its way up.
    pushLink = await ChaosProxy.start(() => server.port, { seed, maxOffset: 16 * 1024 });
    pullLink = await ChaosProxy.start(() => server.port, { seed: seed + 1, maxOffset: 1024 });
    db = await inspectDb(server.location);
  });
  afterAll(async () => {
    await db?.close();
    await pushLink?.close();
    await pullLink?.close();
    await server?.close();
  });

  it(`loses nothing, doubles nothing and keeps the order over ${MIN_CUTS}+ cuts (seed ${seed})`, async () => {
    const writer = await enrolNodeTablet({
      setupUrl: server.url,
      syncUrl: pushLink.url,
      pushBatch: PUSH_BATCH,
      code: await server.issueCode(),
      label: 'writer',
    });
    const reader = await enrolNodeTablet({ setupUrl: server.url, syncUrl: pullLink.url, code: await server.issueCode(), label: 'reader' });
    try {
      const queued = [];
      const tries = { pushes: 0, pushFailures: 0, pulls: 0, pullFailures: 0 };
      // Rounds, so the reader also resumes from a cursor it holds, not only from 0.
      for (let round = 0; round < ROUNDS; round++) {
        await writer.sell(SALES_PER_ROUND);
        queued.push(...(await writer.queuedSales()));
        const pushed = await writer.pushUntilEmpty();
        const pulled = await reader.pullUntilDone();
        tries.pushes += pushed.attempts;
        tries.pushFailures += pushed.failures;
        tries.pulls += pulled.attempts;
        tries.pullFailures += pulled.failures;
      }
      const report = { seed, push: pushLink.counts, pull: pullLink.counts, ...tries };
      console.log(`chaos sync on ${kind.name}: ${JSON.stringify(report)}`);

      expect(queued).toHaveLength(ROUNDS * SALES_PER_ROUND);
      await expectAppliedOnceInOrder(db, server.centre.id, writer, queued);
      await expectHoldsServerRows(db, server.centre.id, reader);
      expect(pushLink.cuts + pullLink.cuts, JSON.stringify(report)).toBeGreaterThanOrEqual(MIN_CUTS);
      expect(pushLink.counts.cutsUp).toBeGreaterThan(0);
      expect(pushLink.counts.cutsDown).toBeGreaterThan(0);
      expect(pullLink.counts.cutsDown).toBeGreaterThan(0);
      // Every cut surfaced as a failed request that was tried again.
      expect(tries.pushFailures).toBeGreaterThan(0);
      expect(tries.pullFailures).toBeGreaterThan(0);
    } finally {
      await writer.close();
      await reader.close();
    }
  });
});
