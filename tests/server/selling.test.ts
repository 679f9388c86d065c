import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { uuidv7 } from '../../src/shared/domain/ids';
import { makeCentre, type TestCentre } from './support/centre';
import { pushed, pushedResults, rowOf, villageMutation } from './support/village';
import { storeKinds, type OpenedStore } from './support/stores';

const KG = { 'zh-CN': '公斤', en: 'kg', ug: 'كىلوگرام' };

describe.each(storeKinds())('selling by weight, units, categories and quick keys on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;
  let receipts = 0;
  const looseRiceId = uuidv7();

  const product = (fields: Record<string, unknown>) => ({
    id: uuidv7(), sku: `P-${++receipts}`, barcode: '', names: { 'zh-CN': '散装大米', en: 'Loose rice' }, unit: '公斤', priceFen: 399, lowStockThreshold: 5, ...fields,
  });
  const sale = (lines: { productId: string; qty: number; unitPriceFen: number; unit?: string; unitNames?: unknown }[], tenderedFen: number) =>
    villageMutation(shop, 'sale.create', {
      saleId: uuidv7(),
      receiptNo: `W-${++receipts}`,
      lines: lines.map((l) => ({ productId: l.productId, names: { 'zh-CN': '散装大米' }, unit: l.unit ?? '公斤', ...(l.unitNames ? { unitNames: l.unitNames } : {}), unitPriceFen: l.unitPriceFen, qty: l.qty })),
      tenderedFen,
    });
  const saleIdOf = (m: { args: unknown }) => (m.args as { saleId: string }).saleId;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'W');
    const create = villageMutation(shop, 'product.create', product({ id: looseRiceId, unitNames: KG, soldBy: 'weight', category: 'grainOil', pinned: true }), shop.admin.id);
    expect(await pushed(app, shop, [create])).toEqual(['applied']);
  });
  afterAll(() => opened.dispose());

  it('keeps a product’s unit names, way of selling, category and quick key, and an admin may change or clear them', async () => {
    expect(await rowOf(opened.store, shop.centre.id, 'products', looseRiceId)).toMatchObject({ unit: '公斤', unitNames: KG, soldBy: 'weight', category: 'grainOil', pinned: true });
    const update = villageMutation(shop, 'product.update', { id: looseRiceId, patch: { category: '', pinned: false } }, shop.admin.id);
    expect(await pushed(app, shop, [update])).toEqual(['applied']);
    const row = await rowOf(opened.store, shop.centre.id, 'products', looseRiceId);
    expect(row).toMatchObject({ soldBy: 'weight', pinned: false });
    expect(row?.category ?? '').toBe('');
    // A product made without them has none: by the piece, uncategorised.
    const plain = product({ unit: '瓶' });
    expect(await pushed(app, shop, [villageMutation(shop, 'product.create', plain, shop.admin.id)])).toEqual(['applied']);
    const stored = await rowOf(opened.store, shop.centre.id, 'products', plain.id as string);
    expect(stored && ['unitNames', 'soldBy', 'category', 'pinned'].filter((k) => k in stored)).toEqual([]);
  });

  it('refuses an unknown category, a clerk pinning a product, and unit names too long, with the field named', async () => {
    const results = await pushedResults(app, shop, [
      villageMutation(shop, 'product.create', product({ category: 'weapons' }), shop.admin.id),
      villageMutation(shop, 'product.update', { id: looseRiceId, patch: { pinned: true } }),
      villageMutation(shop, 'product.create', product({ unitNames: { en: 'x'.repeat(21) } }), shop.admin.id),
    ]);
    expect(results.map((r) => r.status === 'refused' && r.code)).toEqual(['invalid_args', 'not_permitted', 'invalid_args']);
    expect(results[0]!.status === 'refused' && results[0]!.detail).toMatch(/^category/);
    expect(results[2]!.status === 'refused' && results[2]!.detail).toMatch(/^unitNames\.en/);
  });

  it('sells 2.345 kg at ¥3.99 for ¥9.36, snapshots the unit’s names, and receives weights in decimals', async () => {
    const m = sale([{ productId: looseRiceId, qty: 2.345, unitPriceFen: 399, unitNames: KG }], 1000);
    expect(await pushed(app, shop, [m])).toEqual(['applied']);
    const row = await rowOf(opened.store, shop.centre.id, 'sales', saleIdOf(m));
    expect(row).toMatchObject({ totalFen: 936, changeFen: 64 });
    expect(row?.lines[0]).toMatchObject({ qty: 2.345, lineTotalFen: 936, unitNames: KG });
    const receive = villageMutation(shop, 'stock.receive', { movementId: uuidv7(), productId: looseRiceId, qty: 25.5, note: '' });
    const adjust = villageMutation(shop, 'stock.adjust', { movementId: uuidv7(), productId: looseRiceId, delta: -0.125, reason: 'spoil', note: '' });
    expect(await pushed(app, shop, [receive, adjust])).toEqual(['applied', 'applied']);
  });

  it('refuses decimals of a product sold by the piece, and weights finer than a gram, changing nothing', async () => {
    const results = await pushedResults(app, shop, [
      sale([{ productId: shop.rice.id, qty: 1.5, unitPriceFen: shop.rice.priceFen, unit: shop.rice.unit }], 10_000),
      villageMutation(shop, 'stock.receive', { movementId: uuidv7(), productId: shop.rice.id, qty: 0.5, note: '' }),
      sale([{ productId: looseRiceId, qty: 1.2345, unitPriceFen: 399 }], 1000),
    ]);
    expect(results.map((r) => r.status === 'refused' && r.code)).toEqual(['invalid_args', 'invalid_args', 'invalid_args']);
    expect(results[0]!.status === 'refused' && results[0]!.detail).toMatch(/^lines\.0\.qty/);
    expect(results[2]!.status === 'refused' && results[2]!.detail).toMatch(/three decimals/);
  });

  it('refunds a whole weighed line, even under one unit, and pays back exactly what it was paid', async () => {
    const m = sale([{ productId: looseRiceId, qty: 0.5, unitPriceFen: 399 }], 200);
    expect(await pushed(app, shop, [m])).toEqual(['applied']);
    const refund = villageMutation(shop, 'sale.void', { refundId: uuidv7(), saleId: saleIdOf(m), receiptNo: 'V-W1', reason: '称错' }, shop.admin.id);
    expect(await pushed(app, shop, [refund])).toEqual(['applied']);
    const totals = await rowOf(opened.store, shop.centre.id, 'refundTotals', saleIdOf(m));
    expect(totals?.qtyByLine).toEqual([0.5]);
    expect(totals?.fenByMeans).toEqual({ cash: 200 });
  });
});
