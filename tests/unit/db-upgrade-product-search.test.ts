import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CunzhanDb } from '../../src/client/data/db';
import { searchProducts } from '../../src/client/data/queries/products';
import { uuidv7 } from '../../src/shared/domain/ids';
import { openShippedVersion } from './support/shipped-db';

describe('database version 9 (product search keys)', () => {
  it('a version 8 tablet keys the products it holds: pinyin and initials find them at once, offline', async () => {
    const name = `upgrade-product-search-${uuidv7()}`;
    // Versions 1 to 8 exactly as they shipped: a tablet from before products had search keys.
    const v8 = openShippedVersion(name, 8);
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
