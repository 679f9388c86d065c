import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMeta } from '../../src/client/data/meta';
import { storeKinds } from '../server/support/stores';
import { expectAppliedOnceInOrder, expectHoldsServerRows } from './support/expect-sync';
import { inspectDb, type DbInspector } from './support/inspect-db';
import { startInProcessServer, type InProcessServer } from './support/in-process-server';
import { enrolNodeTablet, type NodeTablet, type QueuedSale } from './support/node-tablet';

const WRITERS = 3;
const PULLERS = 2;
const SALES_PER_WRITER = 300;
const PUSH_BATCH = { initial: 5, min: 2, max: 10 };

/**
 * S3 over HTTP, with real tablets: several push at once while others pull
 * as fast as they can. A cursor that passed a row committed late (seq values
 * commit out of order) would leave a puller without it for good.
 */
describe.each(storeKinds())('tablets pushing while others pull, on $name', (kind) => {
  let server: InProcessServer;
  let db: DbInspector;

  beforeAll(async () => {
    server = await startInProcessServer(kind);
    db = await inspectDb(server.location);
  });
  afterAll(async () => {
    await db?.close();
    await server?.close();
  });

  it('every puller ends with exactly the rows in the database, none skipped', async () => {
    const enrol = async (label: string) =>
      enrolNodeTablet({ code: await server.issueCode(), setupUrl: server.url, syncUrl: server.url, label, pushBatch: PUSH_BATCH });
    const writers: NodeTablet[] = [];
    const pullers: NodeTablet[] = [];
    for (let i = 0; i < WRITERS; i++) writers.push(await enrol(`writer-${i}`));
    for (let i = 0; i < PULLERS; i++) pullers.push(await enrol(`puller-${i}`));
    try {
      const queued = new Map<NodeTablet, QueuedSale[]>();
      for (const writer of writers) {
        await writer.sell(SALES_PER_WRITER);
        queued.set(writer, await writer.queuedSales());
      }

      let writing = true;
      let pulls = 0;
      const pullWhileWriting = async (puller: NodeTablet) => {
        while (writing) {
          await puller.engine.pull();
          pulls += 1;
        }
        await puller.engine.pull();
      };
      const pulling = Promise.all(pullers.map(pullWhileWriting));
      try {
        await Promise.all(writers.map((w) => w.pushUntilEmpty({ attempts: 5 })));
      } finally {
        writing = false;
      }
      await pulling;

      expect(pulls, 'pulls while writers pushed').toBeGreaterThanOrEqual(PULLERS * 2);
      for (const writer of writers) await expectAppliedOnceInOrder(db, server.centre.id, writer, queued.get(writer)!);
      const lastSeq = await server.store.lastSeq(server.centre.id);
      for (const puller of pullers) {
        await expectHoldsServerRows(db, server.centre.id, puller);
        expect(await getMeta(puller.db, 'cursor')).toBe(lastSeq);
      }
    } finally {
      for (const tablet of [...writers, ...pullers]) await tablet.close();
    }
  });
});
