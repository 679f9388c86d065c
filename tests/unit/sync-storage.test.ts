import 'fake-indexeddb/auto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { completeSale, createProduct, receiveStock } from '../../src/client/data/commands';
import { pushBodyParts, readBatch, utf8Length } from '../../src/client/sync/outbox';
import { encodeUtf8, gzipText } from '../../src/client/sync/transport';
import { applyPullPage } from '../../src/client/sync/pull';
import { sameRow } from '../../src/client/sync/same-row';
import { settlePushResults } from '../../src/client/sync/settle-push';
import type { Sale } from '../../src/shared/domain/entities';
import { cachedLevels, localDevice, productInput, stockFromRows } from './support/local-device';
import { sweepAnswered, waitingCount, waitingEntries } from '../../src/client/data/outbox-queue';

async function tabletWithSales(count: number) {
  const device = await localDevice('storage');
  const rice = await createProduct(productInput(), device.ctx);
  await receiveStock({ productId: rice.id, qty: 100, note: '' }, device.ctx);
  const sales: Sale[] = [];
  for (let i = 0; i < count; i++) sales.push(await completeSale({ lines: [{ productId: rice.id, qty: 1 }], tenderedFen: 5000 }, device.ctx));
  return { ...device, rice, sales };
}

describe('push and pull bookkeeping on the tablet', () => {
  it('an answered batch leaves the queue; unanswered changes in between stay waiting', async () => {
    const { db } = await tabletWithSales(6); // queue: product, receipt, six sales
    const queue = await db.outbox.orderBy('seq').toArray();
    const whole = queue.slice(0, 4);
    await settlePushResults(db, whole, whole.map((e) => ({ id: e.id, status: 'applied' as const })));
    expect((await waitingEntries(db)).map((e) => e.id)).toEqual(queue.slice(4).map((e) => e.id));

    const rest = queue.slice(4);
    const answered = [rest[0]!, rest[2]!];
    await settlePushResults(db, rest, answered.map((e) => ({ id: e.id, status: 'applied' as const })));
    expect((await waitingEntries(db)).map((e) => e.id)).toEqual([rest[1]!.id, rest[3]!.id]);
  });

  it('answered entries are swept after the push; what still waits stays, and a sale made meanwhile too', async () => {
    const { db, ctx, rice } = await tabletWithSales(6);
    const queue = await db.outbox.orderBy('seq').toArray();
    const batch = queue.slice(0, 5);
    await settlePushResults(db, batch, batch.map((e) => ({ id: e.id, status: 'applied' as const })));
    expect(await waitingCount(db)).toBe(3);
    expect(await db.outbox.count()).toBe(8); // answered, not yet swept

    const meanwhile = await completeSale({ lines: [{ productId: rice.id, qty: 1 }], tenderedFen: 5000 }, ctx);
    expect(await sweepAnswered(db)).toBe(5);
    const left = (await db.outbox.orderBy('seq').toArray()).map((e) => e.id);
    expect(left).toEqual([...queue.slice(5).map((e) => e.id), (await waitingEntries(db)).at(-1)!.id]);
    expect((await waitingEntries(db)).at(-1)!.args).toMatchObject({ saleId: meanwhile.id });
    expect(await sweepAnswered(db)).toBe(0);
  });

  it('a batch body stays under its byte limit however the text is written', async () => {
    for (const text of ['rice', '大米 5公斤', 'گۈرۈچ', '🌾 harvest', 'lone \ud800 half', '\udc00']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
    const { db, ctx } = await tabletWithSales(10);
    const small = (await readBatch(db, ctx.deviceId, 0, 500, 2500))!;
    expect(new TextEncoder().encode(pushBodyParts(small, null).map((p) => p.text).join('')).length).toBeLessThan(2500 + 200);
    expect(small.entries.length).toBeGreaterThan(0);
    expect(small.entries.length).toBeLessThan(12);
  });

  it('a pushed body reaches the server as exactly the JSON of its mutations, however they are written', async () => {
    const texts = ['rice', '大米 5公斤', 'گۈرۈچ', '🌾 harvest', 'lone \ud800 half'];
    const parts = texts.map((text) => ({ text, bytes: utf8Length(text) }));
    expect(new TextDecoder().decode(encodeUtf8(parts))).toBe(new TextDecoder().decode(new TextEncoder().encode(texts.join(''))));
    // A wrong length never truncates the body.
    expect(new TextDecoder().decode(encodeUtf8([{ text: '大米', bytes: 2 }]))).toBe('大米');

    const { db, ctx } = await tabletWithSales(5);
    const batch = (await readBatch(db, ctx.deviceId, 0))!;
    const { body, encoding } = await gzipText(pushBodyParts(batch, 'previous-id'));
    expect(encoding).toBe('gzip');
    const sent = JSON.parse(gunzipSync(body).toString('utf8')) as { after: string; mutations: { id: string }[] };
    expect(sent.after).toBe('previous-id');
    expect(sent.mutations.map((m) => m.id)).toEqual(batch.entries.map((e) => e.id));
  });

  it('own sales coming back from the server are counted once; a changed one takes the server version', async () => {
    const { db, sales, rice } = await tabletWithSales(3);
    const queue = await db.outbox.orderBy('seq').toArray();
    await settlePushResults(db, queue, queue.map((e) => ({ id: e.id, status: 'applied' as const })));
    expect((await cachedLevels(db)).get(rice.id)).toBe(97);

    // The server's JSON may list keys in another order (PostgreSQL jsonb) and may differ.
    const reordered = sales.map((s) => Object.fromEntries(Object.entries(s).reverse()) as unknown as Sale);
    const corrected = { ...sales[2]!, receiptNo: 'SERVER-0003' };
    await applyPullPage(db, { rows: { sales: [reordered[0]!, reordered[1]!, corrected] }, cursor: 10, hasMore: false });

    expect((await db.sales.get(corrected.id))?.receiptNo).toBe('SERVER-0003');
    expect(await db.sales.get(sales[0]!.id)).toEqual(sales[0]);
    expect(await db.sales.count()).toBe(3);
    expect((await cachedLevels(db)).get(rice.id)).toBe(97);
    expect(await stockFromRows(db)).toEqual(await cachedLevels(db));
  });

  it('a page whose ids span many stored sales still counts only the new ones', async () => {
    const { db, sales, rice } = await tabletWithSales(20);
    const queue = await db.outbox.orderBy('seq').toArray();
    await settlePushResults(db, queue, queue.map((e) => ({ id: e.id, status: 'applied' as const })));
    const later = (await tabletWithSales(1)).sales[0]!; // another tablet's sale, made after all of these
    const fromElsewhere = { ...later, centreId: sales[0]!.centreId };
    await applyPullPage(db, { rows: { sales: [sales[0]!, fromElsewhere] }, cursor: 30, hasMore: false });

    expect(await db.sales.count()).toBe(21);
    expect((await cachedLevels(db)).get(rice.id)).toBe(100 - 20);
    expect(await stockFromRows(db)).toEqual(await cachedLevels(db));
  });

  it('rows compare by content, not by key order', () => {
    expect(sameRow({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameRow({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'y' }] })).toBe(false);
    expect(sameRow({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameRow([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameRow(null, {})).toBe(false);
  });
});
