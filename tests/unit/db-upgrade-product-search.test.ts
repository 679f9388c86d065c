import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CunzhanDb } from '../../src/client/data/db';
import { searchProducts } from '../../src/client/data/queries/products';
import { uuidv7 } from '../../src/shared/domain/ids';

/** Versions 1 to 8 exactly as they shipped: a tablet from before products had search keys. */
function openVersion8(name: string): Dexie {
  const v8 = new Dexie(name);
  v8.version(1).stores({
    products: 'id, sku, barcode, updatedAt',
    movements: 'id, productId, createdAt, [productId+createdAt]',
    sales: 'id, createdAt, createdBy, *productIds',
    staff: 'id',
    stockLevels: 'productId',
    outbox: '++seq, &id, *touched',
    refusals: 'id, at',
    shadow: 'key',
    meta: 'key',
  });
  v8.version(2).stores({ sales: 'id, createdAt' });
  v8.version(3).stores({ reviews: 'id, createdAt', sessionKeys: 'id' });
  v8.version(4).stores({
    customers: 'id, updatedAt, phone, village, mergedInto',
    platforms: 'id',
    orders: 'id, customerId, status, createdAt, updatedAt',
    parcels: 'id, customerId, [status+arrivedAt], trackingNo, orderId',
    pickupCodes: 'id, parcelId',
    customerSearch: 'id, *keys',
  });
  v8.version(5).stores({ settings: 'id' });
  v8.version(6).stores({ packs: 'id', packFiles: 'sha256', packChunks: '[sha256+index]', packCatalog: 'id' });
  v8.version(7).stores({
    creditEntries: 'id, customerId',
    repayments: 'id, customerId, createdAt',
    refunds: 'id, saleId, createdAt',
    refundTotals: 'id',
    tills: 'id, day, [staffId+day]',
  });
  v8.version(8).stores({
    orders: 'id, customerId, status, updatedAt',
    parcels: 'id, customerId, [status+arrivedAt], orderId',
  });
  return v8;
}

describe('database version 9 (product search keys)', () => {
  it('a version 8 tablet keys the products it holds: pinyin and initials find them at once, offline', async () => {
    const name = `upgrade-product-search-${uuidv7()}`;
    const v8 = openVersion8(name);
    const now = new Date().toISOString();
    const product = (sku: string, names: Record<string, string>, unit: string) => ({
      id: uuidv7(), centreId: uuidv7(), createdAt: now, updatedAt: now, createdBy: uuidv7(),
      sku, barcode: '', names, unit, priceFen: 200, kind: 'stock', lowStockThreshold: 2, active: true,
    });
    const water = product('WATER-550', { 'zh-CN': '矿泉水', en: 'Mineral water' }, '瓶');
    const salt = product('SALT-400', { 'zh-CN': '食盐', ug: 'تۇز' }, '袋');
    await v8.table('products').bulkAdd([water, salt]);
    await v8.table('stockLevels').add({ productId: water.id, level: 24 });
    v8.close();

    const current = new CunzhanDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(9);
    // The rows themselves are untouched; the keys sit beside them.
    expect(await current.products.get(water.id)).toEqual(water);
    expect((await current.productSearch.get(water.id))?.keys).toEqual(expect.arrayContaining(['kqs', 'shui', 'kuangquanshui', 'mineral']));
    const found = await searchProducts(current, 'kqs');
    expect(found.map((p) => [p.sku, p.level])).toEqual([['WATER-550', 24]]);
    expect((await searchProducts(current, 'sy')).map((p) => p.sku)).toEqual(['SALT-400']);
    expect((await searchProducts(current, 'تۇز')).map((p) => p.sku)).toEqual(['SALT-400']);
    current.close();
  });
});
