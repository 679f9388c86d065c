import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChaosProxy, type Direction } from './support/chaos-proxy';
import { expectAppliedOnceInOrder, expectHoldsServerRows } from './support/expect-sync';
import { inspectDb } from './support/inspect-db';
import { enrolNodeTablet, type NodeTablet, type QueuedSale } from './support/node-tablet';
import { ServerProcess } from '../support/server-process';

const SALES = 600;
const PUSH_BATCH = { initial: 20, min: 10, max: 20 };

/** A moment to crash at: once this many more bytes have passed that way. */
interface KillPoint {
  name: string;
  direction: Direction;
  bytes: number;
  /** Cut the connection there too (the rest of the chunk never arrives). */
  cut: boolean;
}

const PUSH_KILLS: readonly KillPoint[] = [
  { name: 'mid-request body', direction: 'up', bytes: 3_000, cut: true },
  { name: 'request just forwarded (server applying)', direction: 'up', bytes: 9_000, cut: false },
  { name: 'first byte of an answer (committed, not heard)', direction: 'down', bytes: 1, cut: true },
];
const PULL_KILL: KillPoint = { name: 'mid-pull answer', direction: 'down', bytes: 4_000, cut: true };

/**
 * A crash of the built server (SIGKILL) in the middle of a push and of a
 * pull, then a restart on the same SQLite file: the tablets carry on where
 * they were, nothing is lost or doubled, and the database is sound.
 */
describe('the server killed mid-push and mid-pull (SQLite)', () => {
  let server: ServerProcess;
  let link: ChaosProxy;
  let writer: NodeTablet;
  let reader: NodeTablet;
  let queued: QueuedSale[] = [];

  beforeAll(async () => {
    server = await ServerProcess.start();
    // No random cuts here: only the crashes armed below.
    link = await ChaosProxy.start(() => server.port, { seed: 1 });
    link.chaos = false;
    const setup = { setupUrl: server.url, syncUrl: link.url, pushBatch: PUSH_BATCH };
    writer = await enrolNodeTablet({ ...setup, code: server.createEnrolCode(), label: 'writer' });
    reader = await enrolNodeTablet({ ...setup, code: server.createEnrolCode(), label: 'reader' });
  });
  afterAll(async () => {
    await writer?.close();
    await reader?.close();
    await link?.close();
    await server?.dispose();
  });

  /** Arms the kill points one after another; each failure they cause restarts the server and arms the next. */
  function crashes(points: readonly KillPoint[]) {
    const done: string[] = [];
    let killing: Promise<void> | null = null;
    const arm = (i: number) => {
      const point = points[i];
      if (!point) return;
      link.when(
        point.direction,
        point.bytes,
        () => {
          done.push(point.name);
          killing = server.kill();
        },
        { cut: point.cut },
      );
    };
    arm(0);
    return {
      done,
      async afterFailure() {
        if (!killing) return;
        await killing;
        killing = null;
        await server.launch();
        arm(done.length);
      },
    };
  }

  it('a push resumes after each crash: every sale applied once, in order', async () => {
    await writer.sell(SALES);
    queued = await writer.queuedSales();
    const plan = crashes(PUSH_KILLS);
    const pushed = await writer.pushUntilEmpty({ attempts: 20, afterFailure: plan.afterFailure });

    expect(plan.done).toEqual(PUSH_KILLS.map((k) => k.name));
    expect(pushed.failures).toBeGreaterThanOrEqual(PUSH_KILLS.length);
    const db = await inspectDb(server.location);
    try {
      await expectAppliedOnceInOrder(db, writer.ctx.centreId, writer, queued);
    } finally {
      await db.close();
    }
  });

  it('a pull resumes after a crash: the reader ends with exactly the server rows', async () => {
    const plan = crashes([PULL_KILL]);
    const pulled = await reader.pullUntilDone({ attempts: 20, afterFailure: plan.afterFailure });
    expect(plan.done).toEqual([PULL_KILL.name]);
    expect(pulled.failures).toBeGreaterThanOrEqual(1);
    const db = await inspectDb(server.location);
    try {
      await expectHoldsServerRows(db, reader.ctx.centreId, reader);
    } finally {
      await db.close();
    }
  });

  it('leaves a sound database: integrity_check ok, every applied mutation with its row', async () => {
    await server.stop();
    const db = await inspectDb(server.location);
    try {
      expect(await db.integrity()).toBe('ok');
      const sales = new Set((await db.rows()).filter((r) => r.tbl === 'sales').map((r) => r.id));
      const applied = (await db.applied()).filter((m) => m.kind === 'sale.create' && m.result.status === 'applied');
      expect(applied).toHaveLength(SALES);
      const saleOf = new Map(queued.map((q) => [q.mutationId, q.saleId]));
      for (const m of applied) expect(sales.has(saleOf.get(m.id) ?? `no sale queued for ${m.id}`)).toBe(true);
    } finally {
      await db.close();
    }
  });
});
