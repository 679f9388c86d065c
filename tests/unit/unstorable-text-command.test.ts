import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createProduct, receiveStock, updateProduct } from '../../src/client/data/commands';
import { waitingCount } from '../../src/client/data/outbox-queue';
import { localDevice, productInput } from './support/local-device';

/**
 * Text no store can hold (NUL, half a surrogate pair) used to be saved on the
 * tablet and then refused by the server every time it was pushed, holding up
 * the queue behind it. The tablet's own commands now refuse it before saving.
 */
describe('commands refuse text no store can hold', () => {
  it('a product named with a NUL in it is not saved and nothing is queued; the error names the field', async () => {
    const { db, ctx } = await localDevice();

    const attempt = createProduct(productInput({ names: { 'zh-CN': '大米', en: 'Rice\u0000 5kg' } }), ctx);

    await expect(attempt).rejects.toMatchObject({ code: 'invalid_input', detail: 'unstorable_text', field: 'names.en' });
    expect(await db.products.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.stockLevels.count()).toBe(0);
  });

  it('each text field of a product is checked: half a surrogate pair in the unit, SKU or barcode', async () => {
    const { db, ctx } = await localDevice();
    for (const [field, input] of [
      ['unit', productInput({ unit: '\ud800袋' })],
      ['sku', productInput({ sku: 'RICE\udc00' })],
      ['barcode', productInput({ barcode: '69\u0000' })],
      ['names.ug', productInput({ names: { ug: 'گۈرۈچ\ud83d' } })],
    ] as const) {
      await expect(createProduct(input, ctx), field).rejects.toMatchObject({ code: 'invalid_input', detail: 'unstorable_text', field });
    }
    expect(await db.products.count()).toBe(0);
    expect(await waitingCount(db)).toBe(0);
  });

  it('an edit with bad text leaves the product as it was and queues nothing more', async () => {
    const { db, ctx } = await localDevice();
    const rice = await createProduct(productInput(), ctx);
    await receiveStock({ productId: rice.id, qty: 3, note: '' }, ctx);
    const queued = await waitingCount(db);

    await expect(updateProduct(rice.id, { unit: 'bag\u0000' }, ctx)).rejects.toMatchObject({
      code: 'invalid_input',
      detail: 'unstorable_text',
      field: 'patch.unit',
    });
    await expect(receiveStock({ productId: rice.id, qty: 1, note: 'late\ud800' }, ctx)).rejects.toMatchObject({
      code: 'invalid_input',
      detail: 'unstorable_text',
      field: 'note',
    });

    expect(await db.products.get(rice.id)).toEqual(rice);
    expect(await waitingCount(db)).toBe(queued);
    expect((await db.stockLevels.get(rice.id))?.level).toBe(3);
  });

  it('a pair of surrogates (an emoji) is ordinary text and is saved', async () => {
    const { db, ctx } = await localDevice();
    const product = await createProduct(productInput({ names: { en: 'Rice 🍚' } }), ctx);
    expect((await db.products.get(product.id))?.names.en).toBe('Rice 🍚');
    expect(await waitingCount(db)).toBe(1);
  });
});
