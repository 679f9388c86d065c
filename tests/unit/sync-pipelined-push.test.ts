import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { createProduct, receiveStock, updateProduct } from '../../src/client/data/commands';
import { writeServerRows } from '../../src/server/admin/operations';
import { AppError } from '../../src/client/data/errors';
import { BatchSizer } from '../../src/client/sync/batch-size';
import type { Transport } from '../../src/client/sync/transport';
import type { StockMovement } from '../../src/shared/domain/entities';
import { productInput } from './support/local-device';
import { overtakingLink } from './support/overtaking-link';
import { enrolTablet, startTestServer, type TestServer, type TestTablet } from './support/test-server';
import { waitingCount } from '../../src/client/data/outbox-queue';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

/** Small batches, so a short queue already spans several pipelined requests. */
const SMALL = { pushBatch: { initial: 4, min: 1, max: 4 } };

/**
 * A queue where order matters across batches: each product is created and
 * then received several times, so a batch applied before its predecessor
 * would be refused unknown_product.
 */
async function queueDependentChanges(tablet: TestTablet, products: number, receipts: number): Promise<Map<string, number>> {
  const expected = new Map<string, number>();
  for (let p = 0; p < products; p++) {
    const product = await createProduct(productInput({ sku: `PIPE-${p}`, barcode: `69${p}` }), tablet.ctx);
    for (let r = 1; r <= receipts; r++) await receiveStock({ productId: product.id, qty: r, note: `${p}/${r}` }, tablet.ctx);
    expected.set(product.id, (receipts * (receipts + 1)) / 2);
  }
  return expected;
}

/** Stock per product on the server, from its movements; and how many movements each mutation left. */
async function serverStock(): Promise<{ levels: Map<string, number>; movements: number }> {
  const page = await server.store.pull(server.centre.id, 0, 1_000_000);
  const levels = new Map<string, number>();
  let movements = 0;
  for (const row of page.rows) {
    if (row.table !== 'movements') continue;
    const m = JSON.parse(row.json) as StockMovement;
    movements += 1;
    levels.set(m.productId, (levels.get(m.productId) ?? 0) + m.delta);
  }
  return { levels, movements };
}

/** Every queued change reached the server exactly once: nothing waits or was refused, stock is as queued. */
async function expectAppliedOnce(tablet: TestTablet, expected: ReadonlyMap<string, number>, movementCount: number): Promise<void> {
  expect(await waitingCount(tablet.db)).toBe(0);
  expect(await tablet.db.refusals.count()).toBe(0);
  const { levels, movements } = await serverStock();
  for (const [productId, level] of expected) expect(levels.get(productId)).toBe(level);
  expect(movements).toBe(movementCount);
}

describe('pipelined push', () => {
  it('sends the next batch before the previous answer and still applies everything once, in order', async () => {
    const link = overtakingLink(server.transport);
    const tablet = await enrolTablet(server, link.transport, 'pipelined', SMALL);
    await tablet.engine.runOnce();
    const expected = await queueDependentChanges(tablet, 4, 5); // 24 mutations, 6 batches

    link.overtake.value = true;
    await tablet.engine.push();

    expect(link.maxInFlight).toBe(2);
    await expectAppliedOnce(tablet, expected, 20);
  });

  it('a batch the server could not yet put in order is sent again after its predecessor is answered', async () => {
    // A server that answers out_of_order at once, as another process behind a load balancer would.
    const impatient = createApp({ store: server.store, predecessorWaitMs: 0 });
    const link = overtakingLink((request) => Promise.resolve(impatient.fetch(request)), { releaseAfterAnswer: true });
    const tablet = await enrolTablet(server, link.transport, 'impatient', SMALL);
    await tablet.engine.runOnce();
    const expected = await queueDependentChanges(tablet, 3, 3); // 12 mutations, 3 batches

    link.overtake.value = true;
    await tablet.engine.push();

    expect(link.statuses).toContain(409);
    await expectAppliedOnce(tablet, expected, 9);
  });

  it('an answer lost while the next batch is in flight is pushed again and counted once (S1)', async () => {
    let pushes = 0;
    // The server applies the second batch, then its answer is lost; the third may already be on its way.
    const losing: Transport = async (request) => {
      const response = await server.transport(request);
      if (new URL(request.url).pathname.endsWith('/push') && ++pushes === 2) throw new TypeError('connection reset');
      return response;
    };
    const link = overtakingLink(losing);
    const tablet = await enrolTablet(server, link.transport, 'lossy', SMALL);
    await tablet.engine.runOnce();
    const expected = await queueDependentChanges(tablet, 4, 4); // 20 mutations, 5 batches

    link.overtake.value = true;
    const failed = await tablet.engine.push().then(() => null, (e: unknown) => e);
    expect(failed).toBeInstanceOf(AppError);
    expect((failed as AppError).code).toBe('server_unreachable');
    // The first batch was answered and settled; the lost one and those after it wait.
    expect(await waitingCount(tablet.db)).toBe(16);

    await tablet.engine.push();
    await expectAppliedOnce(tablet, expected, 16);
  });
});

describe('refusals across batches', () => {
  it('a refused new product stays gone when a later edit of it, in a later batch, is refused too (S5)', async () => {
    const tablet = await enrolTablet(server, server.transport, 'refused', { pushBatch: { initial: 1, min: 1, max: 1 } });
    await tablet.engine.runOnce();
    // The clerk is deactivated on the server; the tablet has not heard yet.
    await writeServerRows(server.store, server.centre.id, [{ table: 'staff', row: { ...server.staff, active: false, updatedAt: new Date().toISOString() } }]);
    const product = await createProduct(productInput({ sku: 'GONE' }), tablet.ctx);
    await updateProduct(product.id, { priceFen: 4200 }, tablet.ctx);

    await tablet.engine.push();

    expect(await waitingCount(tablet.db)).toBe(0);
    expect(await tablet.db.refusals.count()).toBe(2);
    expect(await tablet.db.products.get(product.id)).toBeUndefined();
  });
});

describe('adaptive push batch size', () => {
  it('grows while full batches come back fast, up to its ceiling', () => {
    const sizer = new BatchSizer({ initial: 250, max: 1000 });
    sizer.answered(250, 120);
    expect(sizer.size).toBe(500);
    sizer.answered(500, 300);
    sizer.answered(1000, 400);
    expect(sizer.size).toBe(1000);
  });

  it('does not grow on a short batch: the queue ran out, the link was not tested', () => {
    const sizer = new BatchSizer({ initial: 250 });
    sizer.answered(30, 50);
    expect(sizer.size).toBe(250);
  });

  it('shrinks after a slow answer or a failure, never below its floor', () => {
    const sizer = new BatchSizer({ initial: 250, min: 20 });
    sizer.answered(250, 5_000);
    expect(sizer.size).toBe(125);
    sizer.answered(125, 2_000); // acceptable: stays
    expect(sizer.size).toBe(125);
    sizer.failed();
    expect(sizer.size).toBe(62);
    for (let i = 0; i < 10; i++) sizer.failed();
    expect(sizer.size).toBe(20);
  });
});
