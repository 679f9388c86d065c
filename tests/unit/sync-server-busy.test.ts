import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeSale, receiveStock } from '../../src/client/data/commands';
import { getMeta } from '../../src/client/data/meta';
import { waitingCount } from '../../src/client/data/outbox-queue';
import { createSyncEngine } from '../../src/client/sync/engine';
import type { Transport } from '../../src/client/sync/transport';
import type { PushResponse } from '../../src/shared/protocol/messages';
import { rewritingTransport } from './support/rewriting-transport';
import { BASE_URL, enrolTablet, serverProducts, startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const MINUTE = 60_000;

describe('push answers bounded in bytes (protocol 3)', () => {
  it('a server answering only the first two of each batch: every change settles within one sync', async () => {
    const [rice] = await serverProducts(server, 1, 100);
    const link = rewritingTransport(server.transport, '/push');
    const tablet = await enrolTablet(server, link.transport, 'partial', { pushBatch: { min: 5, max: 5, initial: 5 } });
    await tablet.engine.runOnce();
    for (let i = 0; i < 12; i++) await completeSale({ lines: [{ productId: rice!.id, qty: 1 }], tenderedFen: 10_000 }, tablet.ctx);
    let answers = 0;
    link.rewrite = (body) => {
      answers += 1;
      return { ...(body as PushResponse), results: (body as PushResponse).results.slice(0, 2) };
    };

    await tablet.engine.syncNow();

    expect(tablet.engine.status.get()).toMatchObject({ lastError: null, pending: 0 });
    expect(await waitingCount(tablet.db)).toBe(0);
    expect(await tablet.db.refusals.count()).toBe(0);
    expect(answers).toBeGreaterThanOrEqual(6);
    expect((await server.store.pull(server.centre.id, 0, 1000)).rows.filter((r) => r.table === 'sales')).toHaveLength(12);
    expect((await tablet.db.stockLevels.get(rice!.id))?.level).toBe(88);
  });
});

describe('a server that cannot take the push now', () => {
  for (const [status, code] of [
    [503, 'storage_unavailable'],
    [429, 'rate_limited'],
  ] as const) {
    it(`${status} ${code} is retried later, shown as the server's trouble, and refuses nothing`, async () => {
      const [rice] = await serverProducts(server, 1, 5);
      let busy = false;
      const transport: Transport = (request) =>
        busy
          ? Promise.resolve(Response.json({ error: code, message: 'later' }, { status, headers: { 'Retry-After': '7' } }))
          : server.transport(request);
      const tablet = await enrolTablet(server, transport);
      await tablet.engine.runOnce();
      await receiveStock({ productId: rice!.id, qty: 2, note: '' }, tablet.ctx);
      busy = true;

      await tablet.engine.syncNow();

      expect(tablet.engine.status.get()).toMatchObject({ lastError: code, online: true, syncing: false, pending: 1 });
      expect(await tablet.db.refusals.count()).toBe(0);
      expect((await tablet.db.stockLevels.get(rice!.id))?.level).toBe(7);
      busy = false;
      await tablet.engine.syncNow();
      expect(tablet.engine.status.get()).toMatchObject({ lastError: null, pending: 0 });
    });
  }
});

describe("the server's clock", () => {
  it('is read from serverTime and kept as an offset from the tablet\'s clock', async () => {
    const link = rewritingTransport(server.transport, '/pull');
    const tablet = await enrolTablet(server, link.transport);
    link.rewrite = (body) => ({ ...(body as object), serverTime: new Date(Date.now() + 10 * MINUTE).toISOString() });

    await tablet.engine.runOnce();

    const clock = await getMeta(tablet.db, 'clock');
    expect(clock!.offsetMs).toBeGreaterThan(10 * MINUTE - 5000);
    expect(clock!.offsetMs).toBeLessThan(10 * MINUTE + 5000);
  });

  it('falls back to the Date header when the answer has no serverTime', async () => {
    const dayAhead = new Date(Date.now() + 24 * 60 * MINUTE).toUTCString();
    const transport: Transport = async (request) => {
      const response = await server.transport(request);
      const body = (await response.json()) as Record<string, unknown>;
      delete body['serverTime'];
      return Response.json(body, { status: response.status, headers: { Date: dayAhead } });
    };
    const tablet = await enrolTablet(server);
    const engine = createSyncEngine({ db: tablet.db, transport, baseUrl: BASE_URL });

    await engine.runOnce();

    const clock = await getMeta(tablet.db, 'clock');
    expect(Math.abs(clock!.offsetMs - 24 * 60 * MINUTE)).toBeLessThan(5000);
  });
});
