import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import type { AnyRow, Product, TableName } from '../../src/shared/domain/entities';
import type { EnrolResponse, PullResponse, PushResponse } from '../../src/shared/protocol/messages';
import { enrolDevice, makeCentre, productUpdateMutation, pull, pullFrom, push, pushBody, resigned, saleMutation, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';
import { STANDARD_PLATFORMS, standardPlatformId } from '../../src/server/seed/platforms';

function idsOf(page: PullResponse): string[] {
  return Object.values(page.rows).flatMap((rows) => (rows as AnyRow[]).map((r) => r.id));
}

describe.each(storeKinds())('pull and tenant isolation on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let a: TestCentre;
  let b: TestCentre;
  /** Second tablets: a tablet is not sent back the sales it pushed, these are sent them. */
  let aOffice: EnrolResponse;
  let bOffice: EnrolResponse;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    a = await makeCentre(opened.store, app, 'A');
    b = await makeCentre(opened.store, app, 'B');
    aOffice = await enrolDevice(opened.store, app, a.centre.id, 'A office');
    bOffice = await enrolDevice(opened.store, app, b.centre.id, 'B office');
    const sales = Array.from({ length: 25 }, () => saleMutation(a));
    const res = (await (await push(app, a.device.token, pushBody(a, sales))).json()) as PushResponse;
    expect(res.results.every((r) => r.status === 'applied')).toBe(true);
  });
  afterAll(() => opened.dispose());

  it('pages through the feed with a cursor, in seq order, without gaps or repeats', async () => {
    const { pages, cursor } = await pullFrom(app, aOffice.token, 0, 7);
    const seen = pages.flatMap(idsOf);
    const requests = pages.length;
    // 4 platforms (every centre's) + 2 staff + product + 25 sales = 32 rows.
    expect(seen).toHaveLength(32);
    expect(new Set(seen).size).toBe(32);
    expect(requests).toBe(5);
    expect(cursor).toBe(await opened.store.lastSeq(a.centre.id));

    const empty = (await (await pull(app, aOffice.token, cursor)).json()) as PullResponse;
    expect(empty).toEqual({ rows: {}, cursor, hasMore: false, serverTime: expect.any(String) });
  });

  it('groups rows by table and sends the latest version of a row once', async () => {
    const page = (await (await pull(app, aOffice.token, 0)).json()) as PullResponse;
    expect(Object.keys(page.rows).sort()).toEqual<TableName[]>(['platforms', 'products', 'sales', 'staff']);
    expect(page.rows.sales).toHaveLength(25);
    expect((page.rows.products as Product[])[0]).toEqual(a.rice);
  });

  it('answers gzip to a tablet that accepts it', async () => {
    const res = await app.request('/api/sync/pull?after=0', {
      headers: { authorization: `Bearer ${aOffice.token}`, 'accept-encoding': 'gzip, deflate' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const page = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')) as PullResponse;
    expect(page.rows.sales).toHaveLength(25);
  });

  it('rejects a bad cursor or limit with 400 JSON', async () => {
    for (const query of ['', 'after=-1', 'after=abc', 'after=0&limit=0', 'after=0&limit=999999', 'after=1e3']) {
      const res = await app.request(`/api/sync/pull?${query}`, { headers: { authorization: `Bearer ${a.device.token}` } });
      expect(res.status, query).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'bad_request' });
    }
  });

  it("never shows one centre another centre's rows", async () => {
    const page = (await (await pull(app, b.device.token, 0)).json()) as PullResponse;
    const ids = idsOf(page);
    const platforms = STANDARD_PLATFORMS.map((p) => standardPlatformId(b.centre.id, p.key));
    expect(ids.sort()).toEqual([b.admin.id, b.clerk.id, b.rice.id, ...platforms].sort());
    for (const row of Object.values(page.rows).flat()) expect((row as AnyRow).centreId).toBe(b.centre.id);
  });

  it("never lets one centre change another centre's rows", async () => {
    const seqA = await opened.store.lastSeq(a.centre.id);
    const sellAsProduct = saleMutation(b, 1, undefined, a.rice.id);
    const renameA = productUpdateMutation(b, a.rice.id, { priceFen: 1 });
    // A's clerk, properly signed for B's tablet: A's keys are not B's centre's.
    const asAClerk = resigned(a, saleMutation(a), {}, b.device.deviceId);
    const res = (await (await push(app, b.device.token, pushBody(b, [sellAsProduct, renameA, asAClerk]))).json()) as PushResponse;
    expect(res.results.map((r) => (r.status === 'refused' ? r.code : r.status))).toEqual([
      'unknown_product',
      'unknown_product',
      'bad_staff_proof',
    ]);
    // B's token with A's device id is refused before anything runs.
    const spoofed = await push(app, b.device.token, { ...pushBody(a, [saleMutation(a)]) });
    expect(spoofed.status).toBe(403);

    expect(await opened.store.lastSeq(a.centre.id)).toBe(seqA);
    const pageA = (await (await pull(app, a.device.token, 0)).json()) as PullResponse;
    expect((pageA.rows.products as Product[]).find((p) => p.id === a.rice.id)?.priceFen).toBe(a.rice.priceFen);
  });

  it('keeps mutation ids per centre: the same id in two centres is two mutations', async () => {
    const shared = saleMutation(a);
    const inB = resigned(b, saleMutation(b), { id: shared.id });
    const resA = (await (await push(app, a.device.token, pushBody(a, [shared]))).json()) as PushResponse;
    const resB = (await (await push(app, b.device.token, pushBody(b, [inB]))).json()) as PushResponse;
    expect(resA.results[0]?.status).toBe('applied');
    expect(resB.results[0]?.status).toBe('applied');
    const salesB = ((await (await pull(app, bOffice.token, 0)).json()) as PullResponse).rows.sales ?? [];
    expect(salesB.map((s) => s.id)).toEqual([(inB.args as { saleId: string }).saleId]);
  });
});
