import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CunzhanDb } from '../../src/client/data/db';
import { uuidv7 } from '../../src/shared/domain/ids';

/**
 * Version 1 exactly as it shipped. When version 2 is added to CunzhanDb,
 * this test keeps writing data the v1 way and checks that v2 reads it (and
 * what its upgrade function made of it).
 */
const V1_STORES = {
  products: 'id, sku, barcode, updatedAt',
  movements: 'id, productId, createdAt, [productId+createdAt]',
  sales: 'id, createdAt, createdBy, *productIds',
  staff: 'id',
  stockLevels: 'productId',
  outbox: '++seq, &id, *touched',
  refusals: 'id, at',
  shadow: 'key',
  meta: 'key',
};

describe('database versions', () => {
  it('data written by version 1, including queued mutations, is read back by the current version', async () => {
    const name = `upgrade-${uuidv7()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const productId = uuidv7();
    const now = new Date().toISOString();
    const product = {
      id: productId, centreId: uuidv7(), createdAt: now, updatedAt: now, createdBy: uuidv7(),
      sku: 'TEA-01', barcode: '6900000000035', names: { 'zh-CN': '茶叶' }, unit: '包', priceFen: 1200,
      kind: 'stock', lowStockThreshold: 2, active: true,
    };
    const queued = {
      id: uuidv7(), kind: 'product.create', args: { id: productId }, staffId: product.createdBy, deviceId: uuidv7(),
      centreId: product.centreId, createdAt: now, protocolVersion: 1, touched: [`products:${productId}`],
      before: [{ key: `products:${productId}`, row: null }],
    };
    await v1.table('products').add(product);
    await v1.table('stockLevels').add({ productId, level: 7 });
    await v1.table('outbox').add(queued);
    await v1.table('meta').add({ key: 'cursor', value: 42 });
    v1.close();

    const current = new CunzhanDb(name);
    expect(await current.products.get(productId)).toEqual(product);
    expect(await current.stockLevels.get(productId)).toEqual({ productId, level: 7 });
    expect(await current.outbox.where('touched').equals(`products:${productId}`).toArray()).toMatchObject([queued]);
    expect((await current.meta.get('cursor'))?.value).toBe(42);
    expect(current.verno).toBeGreaterThanOrEqual(1);
    current.close();
  });
});
