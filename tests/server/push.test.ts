import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import type { Product, StockMovement } from '../../src/shared/domain/entities';
import { uuidv7 } from '../../src/shared/domain/ids';
import { LIMITS, type EnrolResponse, type ErrorBody, type PullResponse, type PushResponse } from '../../src/shared/protocol/messages';
import { enrolDevice, makeCentre, productCreateMutation, productUpdateMutation, pull, push, pushBody, receiveMutation, saleMutation, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

async function pullAll(app: Hono, token: string): Promise<PullResponse> {
  return (await (await pull(app, token, 0, LIMITS.pullMaxRows)).json()) as PullResponse;
}

describe.each(storeKinds())('push on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;
  /** A second tablet of the shop: it is sent every row the first one pushes. */
  let office: EnrolResponse;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'P');
    office = await enrolDevice(opened.store, app, shop.centre.id, 'Office tablet');
  });
  afterAll(() => opened.dispose());

  const seqNow = () => opened.store.lastSeq(shop.centre.id);

  it('applies a sale and another tablet of the centre pulls it', async () => {
    const sale = saleMutation(shop, 2, 10_000);
    const res = await push(app, shop.device.token, pushBody(shop, [sale]));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ results: [{ id: sale.id, status: 'applied' }], serverTime: expect.any(String) });
    const feed = await pullAll(app, office.token);
    const stored = feed.rows.sales?.find((s) => s.id === (sale.args as { saleId: string }).saleId);
    expect(stored).toMatchObject({ totalFen: 7980, changeFen: 2020, deviceId: shop.device.deviceId, createdBy: shop.clerk.id });
  });

  it('gives a re-pushed batch the same results without writing anything again (S1)', async () => {
    const batch = [saleMutation(shop), saleMutation(shop, 1, 1), saleMutation(shop, 3)];
    const first = (await (await push(app, shop.device.token, pushBody(shop, batch))).json()) as PushResponse;
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'refused', 'applied']);
    const seqAfterFirst = await seqNow();
    const salesAfterFirst = (await pullAll(app, office.token)).rows.sales?.length;

    const again = (await (await push(app, shop.device.token, pushBody(shop, batch))).json()) as PushResponse;
    expect(again.results).toEqual(first.results);
    expect(await seqNow()).toBe(seqAfterFirst);
    expect((await pullAll(app, office.token)).rows.sales?.length).toBe(salesAfterFirst);
  });

  it('applies a mutation repeated inside one batch once', async () => {
    const sale = saleMutation(shop);
    const before = await seqNow();
    const res = (await (await push(app, shop.device.token, pushBody(shop, [sale, sale]))).json()) as PushResponse;
    expect(res.results).toEqual([{ id: sale.id, status: 'applied' }, { id: sale.id, status: 'applied' }]);
    // The sale, and the clerk's till for the day that took its cash: once each.
    expect(await seqNow()).toBe(before + 2);
  });

  it('applies a batch in order: a later mutation sees what an earlier one wrote (S2)', async () => {
    const productId = uuidv7();
    const inOrder = [productCreateMutation(shop, productId), receiveMutation(shop, productId, 12)];
    const res = (await (await push(app, shop.device.token, pushBody(shop, inOrder))).json()) as PushResponse;
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const otherId = uuidv7();
    const reversed = [receiveMutation(shop, otherId, 5), productCreateMutation(shop, otherId)];
    const res2 = (await (await push(app, shop.device.token, pushBody(shop, reversed))).json()) as PushResponse;
    expect(res2.results).toEqual([
      { id: reversed[0]!.id, status: 'refused', code: 'unknown_product' },
      { id: reversed[1]!.id, status: 'applied' },
    ]);
    const feed = await pullAll(app, office.token);
    const movements = (feed.rows.movements ?? []) as StockMovement[];
    expect(movements.filter((m) => m.productId === productId).map((m) => m.delta)).toEqual([12]);
    expect(movements.filter((m) => m.productId === otherId)).toEqual([]);
  });

  it('stores a refusal and repeats it even when it would now succeed (S5)', async () => {
    const productId = uuidv7();
    const early = receiveMutation(shop, productId, 4);
    const first = (await (await push(app, shop.device.token, pushBody(shop, [early]))).json()) as PushResponse;
    expect(first.results).toEqual([{ id: early.id, status: 'refused', code: 'unknown_product' }]);
    await push(app, shop.device.token, pushBody(shop, [productCreateMutation(shop, productId)]));
    const again = (await (await push(app, shop.device.token, pushBody(shop, [early]))).json()) as PushResponse;
    expect(again.results).toEqual(first.results);
  });

  it('refuses a staff member of another centre and an unknown kind, per mutation', async () => {
    const stranger = { ...saleMutation(shop), staffId: uuidv7() };
    const odd = { ...saleMutation(shop), kind: 'sale.teleport' };
    const res = (await (await push(app, shop.device.token, pushBody(shop, [stranger, odd]))).json()) as PushResponse;
    expect(res.results).toEqual([
      { id: stranger.id, status: 'refused', code: 'bad_staff_proof' },
      { id: odd.id, status: 'refused', code: 'unknown_kind', detail: 'sale.teleport' },
    ]);
  });

  it('refuses an unsupported protocol version and a device that is not the token\'s', async () => {
    const before = await seqNow();
    const old = await push(app, shop.device.token, { ...pushBody(shop, [saleMutation(shop)]), protocolVersion: 99 });
    expect(old.status).toBe(400);
    expect(await old.json()).toMatchObject({ error: 'unsupported_protocol' });
    const mismatch = await push(app, shop.device.token, { ...pushBody(shop, [saleMutation(shop)]), deviceId: uuidv7() });
    expect(mismatch.status).toBe(403);
    expect(await mismatch.json()).toMatchObject({ error: 'device_mismatch' });
    expect(await seqNow()).toBe(before);
  });

  it('answers malformed, wrongly typed, oversized and wrongly encoded bodies with 4xx JSON and changes nothing', async () => {
    const before = await seqNow();
    const valid = pushBody(shop, [saleMutation(shop)]);
    const tooMany = pushBody(shop, Array.from({ length: LIMITS.pushMaxMutations + 1 }, () => saleMutation(shop)));
    const huge = JSON.stringify({ ...valid, padding: 'x'.repeat(LIMITS.maxBodyBytes) });
    const bomb = gzipSync(Buffer.from(`{"protocolVersion":1,"pad":"${'0'.repeat(LIMITS.maxBodyBytes + 10)}"}`));
    const cases: { body: string | Uint8Array; headers?: Record<string, string>; status: number; error: string }[] = [
      { body: '{"protocolVersion":1,', status: 400, error: 'invalid_body' },
      { body: '', status: 400, error: 'invalid_body' },
      { body: JSON.stringify({ ...valid, protocolVersion: '1' }), status: 400, error: 'invalid_body' },
      { body: JSON.stringify({ ...valid, mutations: 'all of them' }), status: 400, error: 'invalid_body' },
      { body: JSON.stringify({ ...valid, mutations: [{ ...valid.mutations[0], id: 'not-a-uuid' }] }), status: 400, error: 'invalid_body' },
      { body: JSON.stringify([valid]), status: 400, error: 'invalid_body' },
      { body: JSON.stringify(tooMany), status: 400, error: 'invalid_body' },
      { body: huge, status: 413, error: 'body_too_large' },
      { body: bomb, headers: { 'content-encoding': 'gzip' }, status: 413, error: 'body_too_large' },
      { body: 'not gzip at all', headers: { 'content-encoding': 'gzip' }, status: 400, error: 'invalid_body' },
      { body: JSON.stringify(valid), headers: { 'content-encoding': 'br' }, status: 415, error: 'unsupported_encoding' },
    ];
    for (const c of cases) {
      const res = await push(app, shop.device.token, c.body, c.headers);
      expect(res.status, c.error).toBe(c.status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.json()) as ErrorBody;
      expect(body.error).toBe(c.error);
      expect(typeof body.message).toBe('string');
    }
    expect(await seqNow()).toBe(before);
  });

  it('accepts a gzip body and answers gzip when the tablet accepts it (S9)', async () => {
    const batch = Array.from({ length: 50 }, () => saleMutation(shop));
    const res = await push(app, shop.device.token, gzipSync(JSON.stringify(pushBody(shop, batch))), {
      'content-encoding': 'gzip',
      'accept-encoding': 'gzip',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')) as PushResponse;
    expect(body.results).toHaveLength(50);
    expect(body.results.every((r) => r.status === 'applied')).toBe(true);
  });

  it('applies a full batch of sales quickly, the same product read once', async () => {
    const full = LIMITS.pushMaxMutations;
    const batch = Array.from({ length: full }, () => saleMutation(shop));
    const before = await seqNow();
    const started = performance.now();
    const res = await push(app, shop.device.token, pushBody(shop, batch));
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    expect(((await res.json()) as PushResponse).results.filter((r) => r.status === 'applied')).toHaveLength(full);
    // Every sale, and the clerk's till for the day written once for the batch.
    expect(await seqNow()).toBe(before + full + 1);
    // Generous for a shared, slow machine; typically a small fraction of this.
    expect(ms).toBeLessThan(2500);
    console.info(`${kind.name}: ${full} sales applied in ${ms.toFixed(1)} ms`);
  });

  it('updates a product for every tablet: the pull returns its latest version once', async () => {
    const update = productUpdateMutation(shop, shop.rice.id, { priceFen: 4200 });
    const res = (await (await push(app, shop.device.token, pushBody(shop, [update]))).json()) as PushResponse;
    expect(res.results[0]?.status).toBe('applied');
    const products = ((await pullAll(app, shop.device.token)).rows.products ?? []) as Product[];
    expect(products.filter((p) => p.id === shop.rice.id).map((p) => p.priceFen)).toEqual([4200]);
  });
});
