import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import type { StockMovement } from '../../src/shared/domain/entities';
import { uuidv7 } from '../../src/shared/domain/ids';
import { LIMITS, type ErrorBody, type MutationEnvelope, type PushResponse } from '../../src/shared/protocol/messages';
import { makeCentre, productCreateMutation, push, pushBody, receiveMutation, saleMutation, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

/**
 * S2 across requests: a tablet sends batch k+1 before batch k is answered,
 * naming k's last mutation in `after`; the server applies k+1 only after k.
 */

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe.each(storeKinds())('pipelined push on $name', (kind) => {
  let opened: OpenedStore;
  /** Waits long enough for a predecessor arriving just after. */
  let app: Hono;
  /** Gives up at once: what a server that never sees the predecessor answers. */
  let impatient: Hono;
  let shop: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    impatient = createApp({ store: opened.store, predecessorWaitMs: 0 });
    shop = await makeCentre(opened.store, app, 'O');
  });
  afterAll(() => opened.dispose());

  const seqNow = () => opened.store.lastSeq(shop.centre.id);
  const withAfter = (mutations: MutationEnvelope[], after: string | null) => ({ ...pushBody(shop, mutations), after });

  it('answers 409 out_of_order and changes nothing when the batch named in `after` is not applied', async () => {
    const productId = uuidv7();
    const first = [productCreateMutation(shop, productId)];
    const second = [receiveMutation(shop, productId, 3), saleMutation(shop)];
    const before = await seqNow();

    const early = await push(impatient, shop.device.token, withAfter(second, first[0]!.id));
    expect(early.status).toBe(409);
    expect((await json<ErrorBody>(early)).error).toBe('out_of_order');
    expect(await seqNow()).toBe(before);

    // Sent again after its predecessor, it applies, and nothing was remembered from the refusal.
    expect((await push(app, shop.device.token, withAfter(first, null))).status).toBe(200);
    const again = await json<PushResponse>(await push(impatient, shop.device.token, withAfter(second, first[0]!.id)));
    expect(again.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('applies two batches sent at once in the wrong order in the right order', async () => {
    const productId = uuidv7();
    const first = [saleMutation(shop), productCreateMutation(shop, productId)];
    const second = [receiveMutation(shop, productId, 7), receiveMutation(shop, productId, 2)];
    const before = await seqNow();

    // The second batch reaches the server first and waits for the first one.
    const secondAnswer = push(app, shop.device.token, withAfter(second, first[1]!.id));
    const firstAnswer = push(app, shop.device.token, withAfter(first, null));
    const [a, b] = await Promise.all([firstAnswer, secondAnswer]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await json<PushResponse>(a)).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await json<PushResponse>(b)).results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const feed = (await opened.store.pull(shop.centre.id, before, LIMITS.pullMaxRows)).rows;
    const productAt = feed.find((r) => r.table === 'products' && r.json.includes(productId))!.seq;
    const movements = feed.filter((r) => r.table === 'movements').map((r) => ({ seq: r.seq, row: JSON.parse(r.json) as StockMovement }));
    const ofProduct = movements.filter((m) => m.row.productId === productId);
    expect(ofProduct.map((m) => m.row.delta)).toEqual([7, 2]);
    // Under the old server the movements would have been refused unknown_product: the product came first.
    expect(ofProduct.every((m) => m.seq > productAt)).toBe(true);
  });

  it('a re-pushed batch with `after` gets its first results again (S1)', async () => {
    const first = [saleMutation(shop)];
    const second = [saleMutation(shop), saleMutation(shop, 1, 1)];
    await push(app, shop.device.token, withAfter(first, null));
    const once = await json<PushResponse>(await push(app, shop.device.token, withAfter(second, first[0]!.id)));
    const seq = await seqNow();
    const twice = await json<PushResponse>(await push(app, shop.device.token, withAfter(second, first[0]!.id)));
    expect(twice.results).toEqual(once.results);
    expect(once.results.map((r) => r.status)).toEqual(['applied', 'refused']);
    expect(await seqNow()).toBe(seq);
  });

  it('does not take another centre\'s mutation as the predecessor', async () => {
    const other = await makeCentre(opened.store, app, 'X');
    const theirs = saleMutation(other);
    expect((await push(app, other.device.token, pushBody(other, [theirs]))).status).toBe(200);
    const before = await seqNow();
    const res = await push(impatient, shop.device.token, withAfter([saleMutation(shop)], theirs.id));
    expect(res.status).toBe(409);
    expect(await seqNow()).toBe(before);
  });

  it('still accepts a protocol 1 push without `after` (S8)', async () => {
    const sale = saleMutation(shop);
    const res = await push(app, shop.device.token, { protocolVersion: 1, deviceId: shop.device.deviceId, mutations: [sale] });
    expect(res.status).toBe(200);
    expect(await json<PushResponse>(res)).toEqual({ results: [{ id: sale.id, status: 'applied' }], serverTime: expect.any(String) });
  });
});
