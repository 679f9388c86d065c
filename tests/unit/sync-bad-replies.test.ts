import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeSale } from '../../src/client/data/commands';
import { getMeta } from '../../src/client/data/meta';
import { waitingCount } from '../../src/client/data/outbox-queue';
import { createSyncEngine } from '../../src/client/sync/engine';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { PullResponse, PushResponse } from '../../src/shared/protocol/messages';
import { rewritingTransport, type ReplyRewrite } from './support/rewriting-transport';
import { BASE_URL, enrolTablet, serverProducts, startTestServer, type TestServer, type TestTablet } from './support/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

/** What a tablet holds: a bad reply must change none of it. */
async function snapshot(tablet: TestTablet) {
  return {
    cursor: await getMeta(tablet.db, 'cursor'),
    waiting: await waitingCount(tablet.db),
    products: await tablet.db.products.toArray(),
    sales: await tablet.db.sales.toArray(),
    movements: await tablet.db.movements.toArray(),
    levels: await tablet.db.stockLevels.toArray(),
    refusals: await tablet.db.refusals.count(),
  };
}

/** A tablet that synced once, then sold offline while the server gained new rows. */
async function tabletWithWork(pathEnd: string) {
  const [rice] = await serverProducts(server, 1, 10);
  const link = rewritingTransport(server.transport, pathEnd);
  const tablet = await enrolTablet(server, link.transport);
  await tablet.engine.runOnce();
  await completeSale({ lines: [{ productId: rice!.id, qty: 1 }], tenderedFen: 10_000 }, tablet.ctx);
  await serverProducts(server, 2, 4);
  return { tablet, link };
}

const pushRewrites: [string, ReplyRewrite][] = [
  ['not JSON', () => '{"results": ['],
  ['no results array', () => ({ ok: true })],
  ['a result of an unknown status', (body) => ({ results: (body as PushResponse).results.map((r) => ({ ...r, status: 'done' })) })],
  ['a result for a mutation not sent', () => ({ results: [{ id: uuidv7(), status: 'applied' }] })],
  ['no result at all for a batch', () => ({ results: [] })],
  ['a refusal without a code', (body) => ({ results: (body as PushResponse).results.map((r) => ({ id: r.id, status: 'refused' })) })],
  ['a server time that is not a time', (body) => ({ ...(body as object), serverTime: 'yesterday' })],
];

const pullRewrites: [string, ReplyRewrite][] = [
  ['not JSON', () => 'Bad gateway'],
  ['rows of an unknown table', (body) => ({ ...(body as object), rows: { ...(body as PullResponse).rows, wallets: [] } })],
  [
    'a row of another centre',
    (body) => {
      const page = body as PullResponse;
      return { ...page, rows: { ...page.rows, products: page.rows.products!.map((p, i) => (i === 0 ? { ...p, centreId: uuidv7() } : p)) } };
    },
  ],
  [
    'a row without an id',
    (body) => {
      const page = body as PullResponse;
      return { ...page, rows: { ...page.rows, products: page.rows.products!.map(({ id: _, ...rest }) => rest) } };
    },
  ],
  [
    'a movement whose delta is not a whole number',
    (body) => {
      const page = body as PullResponse;
      return { ...page, rows: { ...page.rows, movements: page.rows.movements!.map((m) => ({ ...m, delta: '4' })) } };
    },
  ],
  ['a cursor behind the one asked for', (body) => ({ ...(body as object), cursor: 0 })],
  ['a negative cursor', (body) => ({ ...(body as object), cursor: -1 })],
  ['more promised without the cursor moving', (body, request) => ({ ...(body as object), rows: {}, hasMore: true, cursor: Number(new URL(request.url).searchParams.get('after')) })],
];

describe('replies are checked on arrival', () => {
  for (const [what, rewrite] of pushRewrites) {
    it(`a push answer with ${what} is a bad reply: nothing settled, nothing pulled, the queue unchanged`, async () => {
      const { tablet, link } = await tabletWithWork('/push');
      const before = await snapshot(tablet);
      link.rewrite = rewrite;

      await tablet.engine.syncNow();

      expect(tablet.engine.status.get()).toMatchObject({ lastError: 'bad_reply', syncing: false });
      expect(await snapshot(tablet)).toEqual(before);
      // Once the server answers well again, everything goes through.
      link.rewrite = null;
      await tablet.engine.syncNow();
      expect(tablet.engine.status.get().lastError).toBeNull();
      expect(await waitingCount(tablet.db)).toBe(0);
      expect(await tablet.db.products.count()).toBe(3);
    });
  }

  for (const [what, rewrite] of pullRewrites) {
    it(`a pull page with ${what} is a bad reply: no row written, the cursor unchanged`, async () => {
      const { tablet, link } = await tabletWithWork('/pull');
      await tablet.engine.push();
      const before = await snapshot(tablet);
      link.rewrite = rewrite;

      await tablet.engine.syncNow();

      expect(tablet.engine.status.get()).toMatchObject({ lastError: 'bad_reply', syncing: false });
      expect(await snapshot(tablet)).toEqual(before);
      link.rewrite = null;
      await tablet.engine.syncNow();
      expect(tablet.engine.status.get().lastError).toBeNull();
      expect(await tablet.db.products.count()).toBe(3);
    });
  }

  it('an error answer that is not the protocol\'s shape is told by its status', async () => {
    const tablet = await enrolTablet(server);
    const engine = createSyncEngine({
      db: tablet.db,
      baseUrl: BASE_URL,
      transport: () => Promise.resolve(new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })),
    });
    await engine.syncNow();
    expect(engine.status.get()).toMatchObject({ lastError: 'server_error', syncing: false });
  });
});
