import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { adjustStock, completeSale, createProduct, receiveStock, updateProduct } from '../../src/client/data/commands';
import { AppError } from '../../src/client/data/errors';
import { getMeta } from '../../src/client/data/meta';
import { cachedLevels, localDevice, nonZero, productInput, stockFromRows } from './support/local-device';

describe('commands', () => {
  it('a new product is saved together with its queued mutation', async () => {
    const { db, ctx, staff } = await localDevice();
    const product = await createProduct(productInput(), ctx);

    expect(await db.products.get(product.id)).toEqual(product);
    expect(product.createdBy).toBe(staff.id);
    const queued = await db.outbox.toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      kind: 'product.create',
      staffId: staff.id,
      deviceId: ctx.deviceId,
      touched: [`products:${product.id}`],
      before: [{ key: `products:${product.id}`, row: null }],
    });
  });

  it('a sale keeps price snapshots, numbers the receipt and lowers stock', async () => {
    const { db, ctx } = await localDevice();
    const rice = await createProduct(productInput(), ctx);
    await receiveStock({ productId: rice.id, qty: 10, note: '' }, ctx);

    const first = await completeSale({ lines: [{ productId: rice.id, qty: 2 }], tenderedFen: 10000 }, ctx);
    await updateProduct(rice.id, { priceFen: 4000 }, ctx);
    const second = await completeSale({ lines: [{ productId: rice.id, qty: 1 }], tenderedFen: 4000 }, ctx);

    expect(first.totalFen).toBe(7000);
    expect(first.changeFen).toBe(3000);
    expect(first.lines[0]).toMatchObject({ unitPriceFen: 3500, names: rice.names, unit: '袋' });
    expect(second.lines[0]!.unitPriceFen).toBe(4000);
    expect(first.receiptNo).toMatch(/^[A-Z]\d-0001$/);
    expect(second.receiptNo).toMatch(/^[A-Z]\d-0002$/);
    expect((await db.stockLevels.get(rice.id))?.level).toBe(7);
    expect(await db.outbox.count()).toBe(5);
  });

  it('a refused command leaves nothing behind: no rows, no queue entry, no receipt number', async () => {
    const { db, ctx } = await localDevice();
    const rice = await createProduct(productInput(), ctx);
    await receiveStock({ productId: rice.id, qty: 5, note: '' }, ctx);
    const before = { sales: await db.sales.count(), outbox: await db.outbox.count(), counter: await getMeta(db, 'receiptCounter') };

    const tooLittle = completeSale({ lines: [{ productId: rice.id, qty: 1 }], tenderedFen: 100 }, ctx);
    await expect(tooLittle).rejects.toBeInstanceOf(AppError);
    await expect(tooLittle).rejects.toMatchObject({ code: 'invalid_input', detail: 'insufficient_tender' });
    const unknown = completeSale({ lines: [{ productId: '01890000-0000-7000-8000-000000000000', qty: 1 }], tenderedFen: 100 }, ctx);
    await expect(unknown).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(adjustStock({ productId: rice.id, delta: 0, reason: 'count', note: '' }, ctx)).rejects.toMatchObject({
      code: 'invalid_input',
      detail: 'invalid_args',
    });

    expect(await db.sales.count()).toBe(before.sales);
    expect(await db.outbox.count()).toBe(before.outbox);
    expect(await getMeta(db, 'receiptCounter')).toBe(before.counter);
    expect((await db.stockLevels.get(rice.id))?.level).toBe(5);
  });

  it('a person who is not staff of this centre cannot save anything', async () => {
    const { db, ctx } = await localDevice();
    await expect(createProduct(productInput(), { ...ctx, staffId: '01890000-0000-7000-8000-000000000001' })).rejects.toMatchObject({
      code: 'invalid_input',
      detail: 'unknown_staff',
    });
    expect(await db.products.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('without a login a command is refused with not_logged_in', async () => {
    await expect(createProduct(productInput())).rejects.toMatchObject({ code: 'not_logged_in' });
  });

  it('an edit sends only the changed fields and remembers the row before it', async () => {
    const { db, ctx } = await localDevice();
    const rice = await createProduct(productInput(), ctx);
    const edited = await updateProduct(rice.id, { priceFen: 3900, active: false }, ctx);

    expect(edited).toMatchObject({ priceFen: 3900, active: false, sku: 'RICE-5KG' });
    const entry = (await db.outbox.toArray())[1]!;
    expect(entry.args).toEqual({ id: rice.id, patch: { priceFen: 3900, active: false } });
    expect(entry.before).toEqual([{ key: `products:${rice.id}`, row: rice }]);
  });

  it('cached stock levels equal the sum of movements and sale lines', async () => {
    const { db, ctx } = await localDevice();
    const rice = await createProduct(productInput(), ctx);
    const oil = await createProduct(productInput({ sku: 'OIL-1L', barcode: '6900000000011', names: { en: 'Oil' } }), ctx);
    await receiveStock({ productId: rice.id, qty: 4, note: '' }, ctx);
    await receiveStock({ productId: oil.id, qty: 2, note: '' }, ctx);
    await adjustStock({ productId: rice.id, delta: -1, reason: 'damage', note: 'torn bag' }, ctx);
    await completeSale({ lines: [{ productId: rice.id, qty: 3 }, { productId: oil.id, qty: 3 }], tenderedFen: 1_000_000 }, ctx);
    await adjustStock({ productId: oil.id, delta: 5, reason: 'count', note: '' }, ctx);

    expect(await cachedLevels(db)).toEqual(nonZero(await stockFromRows(db)));
    expect((await db.stockLevels.get(rice.id))?.level).toBe(0);
    expect((await db.stockLevels.get(oil.id))?.level).toBe(4);
  });
});
