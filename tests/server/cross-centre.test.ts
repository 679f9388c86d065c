import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import type { Product } from '../../src/shared/domain/entities';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { PullResponse, PushResponse } from '../../src/shared/protocol/messages';
import { newKeyFor } from '../support/signing';
import { makeCentre, productCreateMutation, productUpdateMutation, pull, push, pushBody, resigned, saleMutation, signed, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

const outcomes = (res: PushResponse) => res.results.map((r) => (r.status === 'refused' ? r.code : r.status));

/** Every way a tablet of centre B might reach centre A's rows; A must not move. */
describe.each(storeKinds())('one centre cannot touch another on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let a: TestCentre;
  let b: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    a = await makeCentre(opened.store, app, 'A');
    b = await makeCentre(opened.store, app, 'B');
    const res = await push(app, a.device.token, pushBody(a, [saleMutation(a)]));
    expect(res.status).toBe(200);
  });
  afterAll(() => opened.dispose());

  const pushB = async (mutations: ReturnType<typeof saleMutation>[]) =>
    (await (await push(app, b.device.token, pushBody(b, mutations))).json()) as PushResponse;
  const feedOf = async (t: TestCentre) => (await (await pull(app, t.device.token, 0, 5000)).json()) as PullResponse;
  const staffChange = (kind: string, args: unknown) => signed(b, { id: uuidv7(), kind, staffId: b.admin.id, createdAt: new Date().toISOString(), args });

  it("refuses B's changes that name A's products or staff, and A does not move", async () => {
    const seqA = await opened.store.lastSeq(a.centre.id);
    const newKey = await newKeyFor(b.signers.get(b.admin.id)!, a.clerk.id, '9999');
    const res = await pushB([
      saleMutation(b, 1, undefined, a.rice.id),
      productUpdateMutation(b, a.rice.id, { priceFen: 1 }),
      // A's staff, signed by A's own key for B's tablet.
      resigned(a, saleMutation(a), {}, b.device.deviceId),
      staffChange('staff.deactivate', { staffId: a.admin.id }),
      staffChange('staff.setRole', { staffId: a.clerk.id, role: 'admin' }),
      staffChange('staff.resetPin', { staffId: a.clerk.id, key: newKey.key, sealedKey: newKey.sealedKey }),
    ]);
    expect(outcomes(res)).toEqual(['unknown_product', 'unknown_product', 'bad_staff_proof', 'unknown_staff', 'unknown_staff', 'unknown_staff']);
    expect(await opened.store.lastSeq(a.centre.id)).toBe(seqA);
    // A's clerk still signs with the key A knows.
    expect((await push(app, a.device.token, pushBody(a, [saleMutation(a)]))).status).toBe(200);
  });

  it("keeps row ids per centre: B making a product with A's product id makes B's own", async () => {
    const seqA = await opened.store.lastSeq(a.centre.id);
    expect(outcomes(await pushB([productCreateMutation(b, a.rice.id)]))).toEqual(['applied']);
    expect(await opened.store.lastSeq(a.centre.id)).toBe(seqA);
    const riceA = ((await feedOf(a)).rows.products as Product[]).find((p) => p.id === a.rice.id)!;
    expect(riceA).toMatchObject({ centreId: a.centre.id, priceFen: a.rice.priceFen, sku: a.rice.sku });
    const sameIdB = ((await feedOf(b)).rows.products as Product[]).find((p) => p.id === a.rice.id)!;
    expect(sameIdB.centreId).toBe(b.centre.id);
  });

  it("gives B only B's rows, whatever cursor it asks from (A's included)", async () => {
    const seqA = await opened.store.lastSeq(a.centre.id);
    for (const after of [0, Math.max(0, seqA - 1), seqA, seqA + 100]) {
      const page = (await (await pull(app, b.device.token, after, 5000)).json()) as PullResponse;
      for (const rows of Object.values(page.rows)) for (const row of rows ?? []) expect(row.centreId).toBe(b.centre.id);
    }
  });

  it("refuses B's token pushing as A's tablet", async () => {
    const seqA = await opened.store.lastSeq(a.centre.id);
    const res = await push(app, b.device.token, pushBody(a, [saleMutation(a)]));
    expect(res.status).toBe(403);
    expect(await opened.store.lastSeq(a.centre.id)).toBe(seqA);
  });
});
