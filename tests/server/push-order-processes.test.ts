import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { openStore } from '../../src/server/store/open';
import type { Store } from '../../src/server/store/store';
import type { StockMovement } from '../../src/shared/domain/entities';
import { uuidv7 } from '../../src/shared/domain/ids';
import { LIMITS, type ErrorBody, type MutationEnvelope, type PushResponse } from '../../src/shared/protocol/messages';
import { makeCentre, productCreateMutation, push, pushBody, receiveMutation, saleMutation, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

/**
 * S2 with several server processes behind a load balancer: each app has its
 * own store instance (its own connection or pool) on one database, so the
 * only thing they share is the database. Batch k+1 reaching process B
 * before batch k reaches process A is applied right after k, not after B's
 * whole wait.
 */

/** The store of "process B", telling when a waiting batch first looks at the database. */
function watchedStore(store: Store): { store: Store; polling: () => Promise<void> } {
  let polled: () => void = () => undefined;
  const watched = new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (key !== 'lastSeq' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (centreId: string) => {
        polled();
        return target.lastSeq(centreId);
      };
    },
  });
  return {
    store: watched,
    /** Resolves at B's next look at the database from now on. */
    polling: () => new Promise<void>((resolve) => (polled = resolve)),
  };
}

async function results(response: Response): Promise<PushResponse['results']> {
  expect(response.status).toBe(200);
  return ((await response.json()) as PushResponse).results;
}

describe.each(storeKinds())('pipelined push across two processes on $name', (kind) => {
  let opened: OpenedStore;
  let second: Store;
  let appA: Hono;
  let appB: Hono;
  let patientB: ReturnType<typeof watchedStore>;
  /** Process B with a short wait, for the bound. */
  let hastyB: Hono;
  let shop: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    second = await openStore(opened.config);
    await second.migrate();
    appA = createApp({ store: opened.store });
    patientB = watchedStore(second);
    appB = createApp({ store: patientB.store });
    hastyB = createApp({ store: second, predecessorWaitMs: 300 });
    shop = await makeCentre(opened.store, appA, 'P');
  });
  afterAll(async () => {
    await second?.close();
    await opened?.dispose();
  });

  const withAfter = (mutations: MutationEnvelope[], after: string | null) => ({ ...pushBody(shop, mutations), after });

  /** Sends `next` to B, waits until B is waiting for `first`, sends `first` to A; times B's answer after A's. */
  async function overtake(first: MutationEnvelope[], next: MutationEnvelope[]) {
    const polling = patientB.polling();
    const nextAnswer = push(appB, shop.device.token, withAfter(next, first.at(-1)!.id));
    await polling;
    const firstResults = await results(await push(appA, shop.device.token, withAfter(first, null)));
    const firstDone = performance.now();
    const nextResults = await results(await nextAnswer);
    return { firstResults, nextResults, lagMs: performance.now() - firstDone };
  }

  it('applies batch k+1 sent to process B right after batch k is applied by process A', async () => {
    const productId = uuidv7();
    const first = [saleMutation(shop), productCreateMutation(shop, productId)];
    const next = [receiveMutation(shop, productId, 3), receiveMutation(shop, productId, 4)];
    const before = await opened.store.lastSeq(shop.centre.id);

    const { firstResults, nextResults, lagMs } = await overtake(first, next);
    expect(firstResults.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(nextResults.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(lagMs).toBeLessThan(1000);

    const feed = (await opened.store.pull(shop.centre.id, before, LIMITS.pullMaxRows)).rows;
    const productAt = feed.find((r) => r.table === 'products' && r.json.includes(productId))!.seq;
    const movements = feed
      .filter((r) => r.table === 'movements')
      .map((r) => ({ seq: r.seq, row: JSON.parse(r.json) as StockMovement }))
      .filter((m) => m.row.productId === productId);
    expect(movements.map((m) => m.row.delta)).toEqual([3, 4]);
    expect(movements.every((m) => m.seq > productAt)).toBe(true);
  });

  it('finds a predecessor that wrote no rows (all refused) well within a second', async () => {
    // Paid too little: refused, so the centre's feed does not move.
    const first = [saleMutation(shop, 1, 1)];
    const next = [saleMutation(shop)];
    const { firstResults, nextResults, lagMs } = await overtake(first, next);
    expect(firstResults.map((r) => r.status)).toEqual(['refused']);
    expect(nextResults.map((r) => r.status)).toEqual(['applied']);
    expect(lagMs).toBeLessThan(1000);
  });

  it('still gives up after its wait when the predecessor never comes', async () => {
    const before = await opened.store.lastSeq(shop.centre.id);
    const started = performance.now();
    const res = await push(hastyB, shop.device.token, withAfter([saleMutation(shop)], uuidv7()));
    const waitedMs = performance.now() - started;
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error).toBe('out_of_order');
    expect(waitedMs).toBeGreaterThanOrEqual(290);
    expect(waitedMs).toBeLessThan(2000);
    expect(await opened.store.lastSeq(shop.centre.id)).toBe(before);
  });
});
