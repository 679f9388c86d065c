import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { writeServerRows } from '../../src/server/admin/operations';
import { createApp } from '../../src/server/app';
import { boundedResults } from '../../src/server/routes/sync';
import type { Product } from '../../src/shared/domain/entities';
import { LIMITS, type MutationResult, type PullResponse } from '../../src/shared/protocol/messages';
import { makeCentre, productRow, pullFrom, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** A product row of about `bytes` bytes of JSON (rows written by the server are not schema-checked). */
function bulkyProduct(t: TestCentre, label: string, bytes: number): Product {
  const row = productRow(t.centre.id, t.clerk.id, label, 100);
  return { ...row, names: { 'zh-CN': '米', en: `${label} ${'x'.repeat(bytes)}` } };
}

function productsOf(page: PullResponse): Product[] {
  return (page.rows.products ?? []) as Product[];
}

describe.each(storeKinds())('pull pages bounded by bytes on $name (S4)', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'B');
  });
  afterAll(() => opened.dispose());

  it('ends a page before the row that would pass the bound, sends every row exactly once, and a row bigger than the bound alone', async () => {
    const from = await opened.store.lastSeq(shop.centre.id);
    const rows = Array.from({ length: 40 }, (_, i) => bulkyProduct(shop, `BIG-${i}`, 90_000));
    const giant = bulkyProduct(shop, 'GIANT', 2 * LIMITS.pageMaxBytes);
    rows.splice(17, 0, giant);
    // One transaction per row: each keeps its own seq, as rows pushed one by one would.
    for (const row of rows) await writeServerRows(opened.store, shop.centre.id, [{ table: 'products', row }]);

    const { pages, cursor } = await pullFrom(app, shop.device.token, from, LIMITS.pullMaxRows);
    expect(cursor).toBe(await opened.store.lastSeq(shop.centre.id));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages.slice(0, -1)) expect(page.hasMore).toBe(true);
    for (const page of pages) {
      const sent = productsOf(page);
      expect(sent.length).toBeGreaterThan(0);
      // Pages fill up to the bound; only a row bigger than it goes alone past it.
      if (sent.length > 1) expect(sent.reduce((sum, row) => sum + bytesOf(row), 0)).toBeLessThanOrEqual(LIMITS.pageMaxBytes);
    }
    // 11 rows of 90 kB fit in 1 MB; the giant (18th) goes alone.
    expect(pages.map((page) => productsOf(page).length)).toEqual([11, 6, 1, 11, 11, 1]);
    const sentIds = pages.flatMap((page) => productsOf(page).map((p) => p.id));
    expect(sentIds).toEqual(rows.map((r) => r.id));
    const giantPage = pages.find((page) => productsOf(page).some((p) => p.id === giant.id))!;
    expect(productsOf(giantPage)).toHaveLength(1);
  });

  it('still ends a page of small rows at the row limit, across the chunks a store reads', async () => {
    const from = await opened.store.lastSeq(shop.centre.id);
    const rows = Array.from({ length: 150 }, (_, i) => productRow(shop.centre.id, shop.clerk.id, `SMALL-${i}`, 100));
    await writeServerRows(opened.store, shop.centre.id, rows.map((row) => ({ table: 'products' as const, row })));

    const whole = await pullFrom(app, shop.device.token, from, LIMITS.pullMaxRows);
    expect(whole.pages).toHaveLength(1);
    expect(whole.products.map((p) => p.id)).toEqual(rows.map((r) => r.id));

    const paged = await pullFrom(app, shop.device.token, from, 70);
    expect(paged.pages.map((p) => productsOf(p).length)).toEqual([70, 70, 10]);
    expect(paged.products.map((p) => p.id)).toEqual(rows.map((r) => r.id));
  });
});

describe('a push answer bounded by bytes', () => {
  const results: MutationResult[] = Array.from({ length: 10 }, (_, i) => ({
    id: `m-${i}`,
    status: 'refused',
    code: 'invalid_args',
    detail: 'd'.repeat(100),
  }));

  it('answers only the first results that fit, and always at least one', () => {
    const one = bytesOf(results[0]) + 1;
    expect(boundedResults(results, one * 3 + 5)).toEqual(results.slice(0, 3));
    expect(boundedResults(results, 10)).toEqual(results.slice(0, 1));
    expect(boundedResults(results)).toEqual(results);
  });
});
