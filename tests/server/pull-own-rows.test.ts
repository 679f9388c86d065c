import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import type { AnyRow } from '../../src/shared/domain/entities';
import type { EnrolResponse, MutationEnvelope, PullResponse, PushResponse } from '../../src/shared/protocol/messages';
import {
  enrolDevice,
  makeCentre,
  productUpdateMutation,
  pull,
  pullFrom,
  push,
  pushBody,
  receiveMutation,
  resigned,
  saleMutation,
  type TestCentre,
} from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

function ids(rows: readonly AnyRow[] | undefined): string[] {
  return (rows ?? []).map((r) => r.id).sort();
}

function saleIdOf(m: MutationEnvelope): string {
  return (m.args as { saleId: string }).saleId;
}

describe.each(storeKinds())("a tablet's own rows on $name", (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;
  let other: EnrolResponse;
  const lastSeq = () => opened.store.lastSeq(shop.centre.id);

  const pushAs = async (device: EnrolResponse, mutations: MutationEnvelope[]) => {
    const body = { ...pushBody(shop, mutations), deviceId: device.deviceId };
    const res = (await (await push(app, device.token, body)).json()) as PushResponse;
    expect(res.results.every((r) => r.status === 'applied')).toBe(true);
  };

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'O');
    other = await enrolDevice(opened.store, app, shop.centre.id, 'Second counter');
  });
  afterAll(() => opened.dispose());

  it('does not send a tablet the sales and movements it pushed, but sends its product edits and the other tablet its rows', async () => {
    const mine = [saleMutation(shop), saleMutation(shop, 2)];
    const receive = receiveMutation(shop, shop.rice.id, 10);
    const reprice = productUpdateMutation(shop, shop.rice.id, { priceFen: 4200 });
    await pushAs(shop.device, [...mine, receive, reprice]);
    const theirs = [resigned(shop, saleMutation(shop), {}, other.deviceId)];
    await pushAs(other, theirs);

    const own = await pullFrom(app, shop.device.token, 0);
    expect(ids(own.sales)).toEqual(ids(theirs.map((m) => ({ id: saleIdOf(m) }) as AnyRow)));
    expect(own.movements).toEqual([]);
    expect(own.products.find((p) => p.id === shop.rice.id)?.priceFen).toBe(4200);
    expect(own.cursor).toBe(await lastSeq());

    const seen = await pullFrom(app, other.token, 0);
    expect(ids(seen.sales)).toEqual(mine.map(saleIdOf).sort());
    expect(seen.movements.map((m) => m.delta)).toEqual([10]);
    expect(seen.cursor).toBe(await lastSeq());
  });

  it('moves the cursor past pages holding only the tablet’s own rows, so it does not fetch them again', async () => {
    const start = await lastSeq();
    const sales = Array.from({ length: 10 }, () => saleMutation(shop));
    await pushAs(shop.device, sales);

    // The ten sales, then the clerk's till that took their cash, passed too: this tablet
    // names no protocol, and tablets from before protocol 4 do not know tills. Rows left
    // out are scanned 8 to a page of one row, and the page says there are more.
    const own = await pullFrom(app, shop.device.token, start, 1);
    expect(own.pages.map((p) => [Object.keys(p.rows), p.cursor, p.hasMore])).toEqual([
      [[], start + 8, true],
      [[], start + 11, false],
    ]);
    const again = (await (await pull(app, shop.device.token, own.cursor)).json()) as PullResponse;
    expect(again).toEqual({ rows: {}, cursor: start + 11, hasMore: false, serverTime: expect.any(String) });

    const seen = await pullFrom(app, other.token, start, 3);
    expect(ids(seen.sales)).toEqual(sales.map(saleIdOf).sort());
    expect(seen.cursor).toBe(start + 11);
  });

  it('sends a newly enrolled tablet every row, whoever pushed it', async () => {
    const fresh = await enrolDevice(opened.store, app, shop.centre.id, 'Replacement tablet');
    const everything = await pullFrom(app, fresh.token, 0, 5);
    const viaOther = await pullFrom(app, other.token, 0);
    const viaOwner = await pullFrom(app, shop.device.token, 0);
    expect(everything.sales).toHaveLength(13);
    expect(ids(everything.sales)).toEqual(ids([...viaOther.sales, ...viaOwner.sales]));
    expect(everything.movements).toHaveLength(1);
    expect(everything.cursor).toBe(await lastSeq());
  });
});
