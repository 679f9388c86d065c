import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { completeSale, createProduct, receiveStock, updateProduct } from '../../src/client/data/commands';
import { searchProducts } from '../../src/client/data/queries/products';
import { lowStock, oversold } from '../../src/client/data/queries/stock';
import { applyPullPage } from '../../src/client/sync/pull';
import { settlePushResults } from '../../src/client/sync/settle-push';
import { uuidv7 } from '../../src/shared/domain/ids';
import { localDevice, productInput } from './support/local-device';

async function shop() {
  const device = await localDevice();
  const rice = await createProduct(productInput(), device.ctx);
  const oil = await createProduct(
    productInput({ sku: 'OIL-1L', barcode: '6900000000011', names: { 'zh-CN': '花生油 1升', en: 'Peanut oil 1 L', ug: 'يەر ياڭاق يېغى' } }),
    device.ctx,
  );
  const soap = await createProduct(
    productInput({ sku: 'SOAP-01', barcode: '6900000000028', names: { 'zh-CN': '肥皂', en: 'Soap' }, lowStockThreshold: 0 }),
    device.ctx,
  );
  return { ...device, rice, oil, soap };
}

const skus = (list: { sku: string }[]) => list.map((p) => p.sku);

describe('product search', () => {
  it('finds by a Chinese, English or Uyghur name, SKU and barcode', async () => {
    const { db } = await shop();
    expect(skus(await searchProducts(db, '大米'))).toEqual(['RICE-5KG']);
    expect(skus(await searchProducts(db, 'peanut'))).toEqual(['OIL-1L']);
    expect(skus(await searchProducts(db, 'OIL'))).toEqual(['OIL-1L']);
    expect(skus(await searchProducts(db, 'ياڭاق'))).toEqual(['OIL-1L']);
    expect(skus(await searchProducts(db, 'soap-0'))).toEqual(['SOAP-01']);
    expect(skus(await searchProducts(db, '0000028'))).toEqual(['SOAP-01']);
    // full-width digits typed on a Chinese keyboard match too
    expect(skus(await searchProducts(db, '６９０１２３４'))).toEqual(['RICE-5KG']);
    expect(await searchProducts(db, 'tractor')).toEqual([]);
  });

  it('finds 矿泉水 by its pinyin in full, from any syllable, and by its initials, on a tablet with no network', async () => {
    const { db, ctx } = await shop();
    await createProduct(
      productInput({ sku: 'WATER-550', barcode: '6900000000042', names: { 'zh-CN': '矿泉水 550毫升', en: 'Mineral water 550 ml' }, unit: '瓶' }),
      ctx,
    );
    for (const typed of ['kqs', 'KQS', 'shui', 'quanshui', 'kuangquanshui', '泉水', 'mineral', 'water']) {
      expect(skus(await searchProducts(db, typed)), typed).toEqual(['WATER-550']);
    }
    // Initials of 花生油 and the pinyin of 大米; a wrong initial finds nothing.
    expect(skus(await searchProducts(db, 'hsy'))).toEqual(['OIL-1L']);
    expect(skus(await searchProducts(db, 'dami'))).toEqual(['RICE-5KG']);
    expect(await searchProducts(db, 'kqx')).toEqual([]);
  });

  it('keys a renamed product again, so its old name no longer finds it', async () => {
    const { db, ctx, soap } = await shop();
    await updateProduct(soap.id, { names: { 'zh-CN': '洗衣粉', en: 'Washing powder' } }, ctx);
    expect(skus(await searchProducts(db, 'xyf'))).toEqual(['SOAP-01']);
    expect(skus(await searchProducts(db, 'fz'))).toEqual([]);
    expect((await db.productSearch.get(soap.id))?.keys).toContain('xiyifen');
  });

  it('keys products pulled from the server, and puts back the keys of a rename the server refuses', async () => {
    const { db, soap, ctx } = await shop();
    const tea = { ...soap, id: uuidv7(), sku: 'TEA-BRICK', barcode: '', names: { 'zh-CN': '茯砖茶' }, createdBy: 'other-tablet' };
    await applyPullPage(db, { rows: { products: [tea] }, cursor: 5, hasMore: false });
    expect(skus(await searchProducts(db, 'fzc'))).toEqual(['TEA-BRICK']);

    await updateProduct(soap.id, { names: { 'zh-CN': '洗衣粉' } }, ctx);
    expect(skus(await searchProducts(db, 'xyf'))).toEqual(['SOAP-01']);
    const rename = (await db.outbox.toArray()).at(-1)!;
    await settlePushResults(db, [rename], [{ id: rename.id, status: 'refused', code: 'not_permitted' }]);
    expect(await searchProducts(db, 'xyf')).toEqual([]);
    expect(skus(await searchProducts(db, 'feizao'))).toEqual(['SOAP-01']);
  });

  it('lists active products first, by name, each with its stock level', async () => {
    const { db, ctx, rice, soap } = await shop();
    await receiveStock({ productId: rice.id, qty: 8, note: '' }, ctx);
    await updateProduct(soap.id, { active: false }, ctx);

    const all = await searchProducts(db, '', 'en');
    expect(skus(all)).toEqual(['OIL-1L', 'RICE-5KG', 'SOAP-01']);
    expect(all.find((p) => p.id === rice.id)?.level).toBe(8);
    expect(all.find((p) => p.id === soap.id)?.level).toBe(0);
  });

  it('low stock includes out and oversold products; oversold only those below zero', async () => {
    const { db, ctx, rice, oil } = await shop();
    await receiveStock({ productId: rice.id, qty: 10, note: '' }, ctx);
    await receiveStock({ productId: oil.id, qty: 1, note: '' }, ctx);
    await completeSale({ lines: [{ productId: oil.id, qty: 2 }], tenderedFen: 100_000 }, ctx);

    const low = await lowStock(db);
    expect(skus(low)).toEqual(['OIL-1L', 'SOAP-01']);
    expect(low[0]!.level).toBe(-1);
    expect(skus(await oversold(db))).toEqual(['OIL-1L']);
  });
});
