import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeSale, receiveStock, updateProduct } from '../../src/client/data/commands';
import { getMeta } from '../../src/client/data/meta';
import { writeServerRows } from '../../src/server/admin/operations';
import { cachedLevels, freshDb, nonZero, stockFromRows } from './support/local-device';
import { BASE_URL, enrolTablet, serverProducts, startTestServer, syncedTablets, type TestServer } from './support/test-server';
import { createSyncEngine } from '../../src/client/sync/engine';
import { getDevice } from '../../src/client/data/device';
import { enrolDevice } from '../../src/client/data/enrol-device';
import { issueEnrolCode } from '../../src/server/auth/enrol-codes';
import { staffKeysOf } from '../../src/shared/auth/staff-key';
import { addSignedStaff } from '../support/signing';
import type { Transport } from '../../src/client/sync/transport';
import { LIMITS } from '../../src/shared/protocol/messages';
import { waitingCount, waitingEntries } from '../../src/client/data/outbox-queue';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('sync engine against the real server', () => {
  it('a freshly enrolled tablet receives staff, products and stock on its first sync', async () => {
    const products = await serverProducts(server, 3, 7);
    const tablet = await enrolTablet(server);
    await tablet.engine.runOnce();

    expect((await tablet.db.staff.toArray()).map((s) => s.name)).toEqual(['王芳']);
    expect(await tablet.db.products.count()).toBe(3);
    expect((await tablet.db.stockLevels.get(products[0]!.id))?.level).toBe(7);
    expect(await getMeta(tablet.db, 'lastSyncAt')).toMatch(/Z$/);
    expect(await getMeta(tablet.db, 'cursor')).toBe(await server.store.lastSeq(server.centre.id));
  });

  it('sales made offline reach the server once and a second tablet sees them', async () => {
    const [rice] = await serverProducts(server, 1, 5);
    const a = await enrolTablet(server, server.transport, 'a');
    const b = await enrolTablet(server, server.transport, 'b');
    await a.engine.runOnce();
    for (let i = 0; i < 4; i++) await completeSale({ lines: [{ productId: rice!.id, qty: 1 }], tenderedFen: 10_000 }, a.ctx);
    expect(await waitingCount(a.db)).toBe(4);

    await a.engine.runOnce();
    await b.engine.runOnce();

    expect(await waitingCount(a.db)).toBe(0);
    expect(await b.db.sales.count()).toBe(4);
    expect((await b.db.stockLevels.get(rice!.id))?.level).toBe(1);
    expect((await a.db.stockLevels.get(rice!.id))?.level).toBe(1);
  });

  it('two tablets selling the last unit offline both keep their sale and show -1', async () => {
    const [rice] = await serverProducts(server, 1, 1);
    const [a, b] = await syncedTablets(server, 'a', 'b');
    await completeSale({ lines: [{ productId: rice!.id, qty: 1 }], tenderedFen: 1000 }, a.ctx);
    await completeSale({ lines: [{ productId: rice!.id, qty: 1 }], tenderedFen: 1000 }, b.ctx);

    await a.engine.runOnce();
    await b.engine.runOnce();
    await a.engine.runOnce();

    for (const tablet of [a, b]) {
      expect(await tablet.db.sales.count()).toBe(2);
      expect((await tablet.db.stockLevels.get(rice!.id))?.level).toBe(-1);
    }
  });

  it('a lost response is pushed again later without counting anything twice', async () => {
    const [rice] = await serverProducts(server, 1, 10);
    let dropNextPush = false;
    const flaky: Transport = async (request) => {
      const response = await server.transport(request);
      if (dropNextPush && new URL(request.url).pathname.endsWith('/push')) {
        dropNextPush = false;
        throw new TypeError('network connection lost');
      }
      return response;
    };
    const tablet = await enrolTablet(server, flaky);
    await tablet.engine.runOnce();
    await completeSale({ lines: [{ productId: rice!.id, qty: 3 }], tenderedFen: 100_000 }, tablet.ctx);
    await receiveStock({ productId: rice!.id, qty: 2, note: '' }, tablet.ctx);

    dropNextPush = true;
    await expect(tablet.engine.runOnce()).rejects.toMatchObject({ code: 'server_unreachable' });
    expect(await waitingCount(tablet.db)).toBe(2);
    await tablet.engine.pull(); // the server's rows arrive while the mutations still wait
    await tablet.engine.runOnce();

    expect(await waitingCount(tablet.db)).toBe(0);
    expect(await tablet.db.shadow.count()).toBe(0);
    expect(await tablet.db.sales.count()).toBe(1);
    expect((await tablet.db.stockLevels.get(rice!.id))?.level).toBe(9);
    expect(await cachedLevels(tablet.db)).toEqual(nonZero(await stockFromRows(tablet.db)));
  });

  it('a change the server refuses is rolled back and listed with what was undone', async () => {
    const [rice] = await serverProducts(server, 1, 4);
    const tablet = await enrolTablet(server);
    await tablet.engine.runOnce();
    await receiveStock({ productId: rice!.id, qty: 3, note: '' }, tablet.ctx);
    expect((await tablet.db.stockLevels.get(rice!.id))?.level).toBe(7);
    // Meanwhile the county deactivates this person: the server refuses the queued receipt
    // (a sale would apply, flagged for review: a villager paid for it).
    await writeServerRows(server.store, server.centre.id, [{ table: 'staff', row: { ...server.staff, active: false } }]);

    await tablet.engine.runOnce();

    // Only the opening stock is left.
    expect(await tablet.db.movements.where('productId').equals(rice!.id).count()).toBe(1);
    expect((await tablet.db.stockLevels.get(rice!.id))?.level).toBe(4);
    expect(await waitingCount(tablet.db)).toBe(0);
    const [refusal] = await tablet.db.refusals.toArray();
    expect(refusal).toMatchObject({
      kind: 'stock.receive',
      code: 'unknown_staff',
      rolledBack: [{ key: 'rollback.movementRemoved', params: { delta: 3, reason: 'receive' } }],
    });
  });

  it('an edit waiting to be pushed is not overwritten by a pull, and both edits end up merged', async () => {
    const [rice] = await serverProducts(server, 1, 1);
    const [a, b] = await syncedTablets(server, 'a', 'b');
    await updateProduct(rice!.id, { priceFen: 999 }, a.ctx);
    await updateProduct(rice!.id, { names: { en: 'Rice (new)' } }, b.ctx);
    await b.engine.runOnce();

    await a.engine.pull();
    expect((await a.db.products.get(rice!.id))?.priceFen).toBe(999);
    expect(await a.db.shadow.count()).toBe(1);

    await a.engine.runOnce();
    await b.engine.runOnce();
    for (const tablet of [a, b]) {
      expect(await tablet.db.products.get(rice!.id)).toMatchObject({ priceFen: 999, names: { en: 'Rice (new)' } });
    }
    expect(await a.db.shadow.count()).toBe(0);
  });

  it('a refused edit is rolled back to the server\'s latest version, not the one the tablet started from', async () => {
    const [rice] = await serverProducts(server, 1, 1);
    const { staff: temp, signer } = await addSignedStaff(server.store, { centreId: server.centre.id, name: '临时工', role: 'admin', pin: '135791' });
    const [a, b] = await syncedTablets(server, 'a', 'b');
    await updateProduct(rice!.id, { priceFen: 1 }, { ...a.ctx, staffId: temp.id, keys: await staffKeysOf(signer.secret, signer.keyId) });
    await updateProduct(rice!.id, { names: { en: 'Rice, renamed on b' } }, b.ctx);
    await b.engine.runOnce();
    await writeServerRows(server.store, server.centre.id, [{ table: 'staff', row: { ...temp, active: false } }]);

    await a.engine.pull();
    await a.engine.runOnce();

    const onServer = await b.engine.runOnce().then(() => b.db.products.get(rice!.id));
    expect(onServer).toMatchObject({ priceFen: rice!.priceFen, names: { en: 'Rice, renamed on b' } });
    expect(await a.db.products.get(rice!.id)).toEqual(onServer);
    expect(await a.db.refusals.count()).toBe(1);
    expect((await a.db.refusals.toArray())[0]).toMatchObject({
      kind: 'product.update',
      code: 'unknown_staff',
      rolledBack: [{ key: 'rollback.productRestored', params: { sku: rice!.sku } }],
    });
  });

  it('pushes the queue in order, in gzip batches that start at 250 and each name the one before', async () => {
    const [rice] = await serverProducts(server, 1, 0);
    const seen: { encoding: string | null; after: string | null; ids: string[] }[] = [];
    const recording: Transport = async (request) => {
      if (new URL(request.url).pathname.endsWith('/push')) {
        // Two may be in flight: keep the order they were sent in, not the order they finish reading.
        const slot = seen.length;
        seen.push({ encoding: request.headers.get('Content-Encoding'), after: null, ids: [] });
        const copy = request.clone();
        const text = await new Response(copy.body!.pipeThrough(new DecompressionStream('gzip'))).text();
        const body = JSON.parse(text) as { after?: string | null; mutations: { id: string }[] };
        seen[slot] = { ...seen[slot]!, after: body.after ?? null, ids: body.mutations.map((m) => m.id) };
      }
      return server.transport(request);
    };
    const tablet = await enrolTablet(server, recording);
    await tablet.engine.runOnce();
    for (let i = 1; i <= 1100; i++) await receiveStock({ productId: rice!.id, qty: 1, note: `#${i}` }, tablet.ctx);
    const queued = (await waitingEntries(tablet.db)).map((e) => e.id);

    await tablet.engine.runOnce();

    expect(seen.every((s) => s.encoding === 'gzip')).toBe(true);
    expect(seen[0]!.ids).toHaveLength(250);
    expect(seen.every((s) => s.ids.length <= LIMITS.pushMaxMutations)).toBe(true);
    expect(seen.flatMap((s) => s.ids)).toEqual(queued);
    expect(seen.map((s) => s.after)).toEqual([null, ...seen.slice(0, -1).map((s) => s.ids[s.ids.length - 1])]);
    expect(await waitingCount(tablet.db)).toBe(0);
    expect((await tablet.db.stockLevels.get(rice!.id))?.level).toBe(1100);
    const fresh = await enrolTablet(server, server.transport, 'fresh');
    await fresh.engine.runOnce();
    expect((await fresh.db.stockLevels.get(rice!.id))?.level).toBe(1100);
  }, 30_000);

  it('pulls a feed longer than one page without skipping a row', async () => {
    const products = await serverProducts(server, 2300, 2);
    const tablet = await enrolTablet(server);
    const pages: number[] = [];
    const unsubscribe = tablet.engine.status.subscribe((s) => {
      if (s.progress?.phase === 'pull') pages.push(s.progress.done);
    });
    await tablet.engine.runOnce();
    unsubscribe();

    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(await tablet.db.products.count()).toBe(2300);
    expect(await tablet.db.movements.count()).toBe(2300);
    const levels = await cachedLevels(tablet.db);
    expect(products.every((p) => levels.get(p.id) === 2)).toBe(true);
  });

  it('once started, the engine pushes a new sale by itself soon after it is saved', async () => {
    const [rice] = await serverProducts(server, 1, 3);
    let pushed: () => void = () => undefined;
    const salePushed = new Promise<void>((resolve) => (pushed = resolve));
    const watching: Transport = async (request) => {
      const response = await server.transport(request);
      if (new URL(request.url).pathname.endsWith('/push') && response.ok) pushed();
      return response;
    };
    const tablet = await enrolTablet(server, watching);
    await tablet.engine.runOnce();
    const stop = tablet.engine.start();
    try {
      await completeSale({ lines: [{ productId: rice!.id, qty: 1 }], tenderedFen: 1000 }, tablet.ctx);
      await salePushed;
      const other = await enrolTablet(server, server.transport, 'other');
      await other.engine.runOnce();
      expect(await other.db.sales.count()).toBe(1);
    } finally {
      stop();
    }
  });

  it('a sale made while the clerk keeps tapping is pushed in their first pause, not between two taps', async () => {
    const [rice] = await serverProducts(server, 1, 3);
    const pushedAt: number[] = [];
    const watching: Transport = async (request) => {
      const response = await server.transport(request);
      if (new URL(request.url).pathname.endsWith('/push') && response.ok) pushedAt.push(Date.now());
      return response;
    };
    let lastTap = Date.now();
    const tablet = await enrolTablet(server, watching, 'tablet', { pause: { quietMs: 600, maxWaitMs: 20_000, sinceInput: () => Date.now() - lastTap } });
    await tablet.engine.runOnce();
    const stop = tablet.engine.start();
    try {
      await tablet.engine.syncNow(); // the sync a start runs at once is over
      await completeSale({ lines: [{ productId: rice!.id, qty: 1 }], tenderedFen: 1000 }, tablet.ctx);
      const savedAt = Date.now();
      // The clerk taps on, every 200 ms, for 2.5 s: well past the push's usual 0.8 s.
      while (Date.now() - savedAt < 2500) {
        lastTap = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(pushedAt, 'pushed between two taps').toEqual([]);
      }
      await expect.poll(() => pushedAt.length, { timeout: 10_000 }).toBe(1);
      expect(pushedAt[0]! - lastTap).toBeGreaterThanOrEqual(600);
      expect(await waitingCount(tablet.db)).toBe(0);
    } finally {
      stop();
    }
  });

  it('the sync button counts an upload only when something is queued: never "uploading 0/0"', async () => {
    const [rice] = await serverProducts(server, 1, 3);
    const tablet = await enrolTablet(server);
    const pushes: string[] = [];
    const stopWatching = tablet.engine.status.subscribe((s) => {
      if (s.progress?.phase === 'push') pushes.push(`${s.progress.done}/${s.progress.total}`);
    });
    try {
      await tablet.engine.syncNow();
      expect(pushes).toEqual([]);
      await completeSale({ lines: [{ productId: rice!.id, qty: 1 }], tenderedFen: 1000 }, tablet.ctx);
      await tablet.engine.syncNow();
      expect(pushes[0]).toBe('0/1');
      expect(pushes.at(-1)).toBe('1/1');
    } finally {
      stopWatching();
    }
  });

  it('a revoked tablet reports device_revoked and keeps its queue', async () => {
    const [rice] = await serverProducts(server, 1, 1);
    const tablet = await enrolTablet(server);
    await tablet.engine.runOnce();
    await receiveStock({ productId: rice!.id, qty: 1, note: '' }, tablet.ctx);
    await server.store.revokeDevice(tablet.deviceId, new Date().toISOString());

    await tablet.engine.syncNow();
    expect(tablet.engine.status.get()).toMatchObject({ lastError: 'device_revoked', syncing: false, pending: 1 });
    expect(await waitingCount(tablet.db)).toBe(1);
  });

  it('a network failure is reported as server_unreachable and marks the tablet offline', async () => {
    const tablet = await enrolTablet(server);
    await tablet.engine.syncNow();
    expect(tablet.engine.status.get()).toMatchObject({ lastError: null, online: true });

    const cutOff = createSyncEngine({ db: tablet.db, transport: () => Promise.reject(new TypeError('Failed to fetch')), baseUrl: BASE_URL });
    await cutOff.syncNow();
    expect(cutOff.status.get()).toMatchObject({ lastError: 'server_unreachable', online: false, syncing: false });
  });
});

describe('enrolment', () => {
  it('a code works once; a wrong, used or unreachable enrolment says why', async () => {
    const db = freshDb('enrol');
    const deps = { db, fetch: server.transport, baseUrl: BASE_URL };
    const { code } = await issueEnrolCode(server.store, server.centre.id, 1);

    await expect(enrolDevice('WRONG-CODE', 'Tablet', deps)).rejects.toMatchObject({ code: 'enrol_code_invalid' });
    const device = await enrolDevice(code.toLowerCase(), ' Counter ', deps);
    expect(device).toMatchObject({ name: 'Counter', centre: { id: server.centre.id } });
    expect(await getDevice(db)).toEqual(device);
    await expect(enrolDevice(code, 'Tablet', deps)).rejects.toMatchObject({ code: 'enrol_code_used' });
    await expect(
      enrolDevice(code, 'Tablet', { ...deps, fetch: () => Promise.reject(new TypeError('Failed to fetch')) }),
    ).rejects.toMatchObject({ code: 'server_unreachable' });
  });
});
