import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import type { LogFields, Logger } from '../../src/server/log';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { EnrolResponse, MutationEnvelope, PushResponse } from '../../src/shared/protocol/messages';
import { enrolDevice, makeCentre, productCreateMutation, pullFrom, push, pushBody, receiveMutation, saleMutation, type TestCentre } from './support/centre';
import { FaultyStore } from './support/faulty-store';
import { storeKinds, type OpenedStore } from './support/stores';

function saleIdOf(m: MutationEnvelope): string {
  return (m.args as { saleId: string }).saleId;
}

function withNames(m: MutationEnvelope, names: Record<string, string>): MutationEnvelope {
  return { ...m, args: { ...(m.args as object), names } };
}

describe.each(storeKinds())('one bad row never blocks a queue on $name (S12)', (kind) => {
  let opened: OpenedStore;
  let faulty: FaultyStore;
  let app: Hono;
  let shop: TestCentre;
  /** A second tablet of the shop: it is sent every row the first one pushes. */
  let office: EnrolResponse;
  const logged: { msg: string; fields: LogFields | undefined }[] = [];
  const log: Logger = {
    info: () => undefined,
    warn: (msg, fields) => logged.push({ msg, fields }),
    error: (msg, fields) => logged.push({ msg, fields }),
  };

  beforeAll(async () => {
    opened = await kind.open();
    faulty = new FaultyStore(opened.store);
    app = createApp({ store: faulty, log });
    shop = await makeCentre(faulty, app, 'N');
    office = await enrolDevice(faulty, app, shop.centre.id, 'Office tablet');
  });
  afterAll(() => opened.dispose());
  beforeEach(() => {
    faulty.fault = () => undefined;
    logged.length = 0;
  });

  async function pushed(mutations: MutationEnvelope[]): Promise<PushResponse> {
    const res = await push(app, shop.device.token, pushBody(shop, mutations));
    expect(res.status).toBe(200);
    return (await res.json()) as PushResponse;
  }

  it('refuses text no store can hold as invalid args naming the field, and applies the rest', async () => {
    const before = saleMutation(shop);
    const nul = withNames(productCreateMutation(shop, uuidv7()), { 'zh-CN': '醋', en: 'Vine\u0000gar' });
    const half = withNames(productCreateMutation(shop, uuidv7()), { 'zh-CN': '醋\ud800' });
    // The detail names the key, and a key holding a NUL must still be storable as a refusal.
    const nulKey = withNames(productCreateMutation(shop, uuidv7()), { 'zh-CN': '醋', '\u0000': 'x' });
    const after = saleMutation(shop);
    const batch = [before, nul, half, nulKey, after];

    const first = await pushed(batch);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'refused', 'refused', 'refused', 'applied']);
    const [, r1, r2, r3] = first.results;
    expect(r1).toMatchObject({ code: 'invalid_args', detail: expect.stringContaining('names.en') });
    expect(r2).toMatchObject({ code: 'invalid_args', detail: expect.stringContaining('names.zh-CN') });
    expect(r3).toMatchObject({ code: 'invalid_args', detail: expect.stringContaining('names.') });
    expect(JSON.stringify(r3)).not.toContain('\\u0000');

    expect((await pushed(batch)).results).toEqual(first.results);
    const feed = await pullFrom(app, office.token, 0);
    expect(feed.sales.map((s) => s.id)).toEqual(expect.arrayContaining([saleIdOf(before), saleIdOf(after)]));
  });

  it('refuses the one mutation a store error hits as server_rejected; those before and after it apply', async () => {
    const productId = uuidv7();
    faulty.fault = (change) => (change.row.id === productId ? new TypeError('simulated store failure') : undefined);
    const before = saleMutation(shop);
    const poisoned = productCreateMutation(shop, productId);
    // It reads what the refused one would have written: as if that one had never been sent.
    const dependent = receiveMutation(shop, productId, 3);
    const after = saleMutation(shop, 2);
    const batch = [before, poisoned, dependent, after];

    const first = await pushed(batch);
    expect(first.results).toEqual([
      { id: before.id, status: 'applied' },
      { id: poisoned.id, status: 'refused', code: 'server_rejected' },
      { id: dependent.id, status: 'refused', code: 'unknown_product' },
      { id: after.id, status: 'applied' },
    ]);
    const entry = logged.find((l) => JSON.stringify(l.fields).includes('simulated store failure'));
    expect(JSON.stringify(entry?.fields)).toContain('TypeError');
    expect(entry?.fields).toMatchObject({ mutationId: poisoned.id });

    // A re-push gets the stored results, even once the store would accept the row.
    faulty.fault = () => undefined;
    expect((await pushed(batch)).results).toEqual(first.results);

    const feed = await pullFrom(app, office.token, 0);
    const saleIds = feed.sales.map((s) => s.id);
    expect(saleIds).toEqual(expect.arrayContaining([saleIdOf(before), saleIdOf(after)]));
    expect(saleIds.indexOf(saleIdOf(before))).toBeLessThan(saleIds.indexOf(saleIdOf(after)));
    expect(feed.products.some((p) => p.id === productId)).toBe(false);
    expect(feed.movements.some((m) => m.productId === productId)).toBe(false);
  });

  it('keeps applying in order after a refused mutation: a later one sees an earlier one of the batch', async () => {
    const poisonedId = uuidv7();
    const goodId = uuidv7();
    faulty.fault = (change) => (change.row.id === poisonedId ? new Error('simulated') : undefined);
    const batch = [productCreateMutation(shop, goodId), productCreateMutation(shop, poisonedId), receiveMutation(shop, goodId, 7)];
    const results = await pushed(batch);
    expect(results.results.map((r) => r.status)).toEqual(['applied', 'refused', 'applied']);
    const feed = await pullFrom(app, office.token, 0);
    expect(feed.movements.filter((m) => m.productId === goodId).map((m) => m.delta)).toEqual([7]);
  });
});
