import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeSale, createProduct, receiveStock } from '../../src/client/data/commands';
import { deviceLetters, receiptPrefix } from '../../src/client/data/commands/receipt-no';
import { getDevice } from '../../src/client/data/device';
import { localDevice, productInput } from './support/local-device';
import { serverProducts, startTestServer, syncedTablets, type TestServer } from './support/test-server';

describe('receipt numbers on the tablets of one centre', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('two tablets enrolled to the same centre print different receipt numbers', async () => {
    const [rice] = await serverProducts(server, 1, 10);
    const [counter, storeroom] = await syncedTablets(server, 'counter', 'storeroom');

    const sale = { lines: [{ productId: rice!.id, qty: 1 }], tenderedFen: 10_000 };
    const fromCounter = [await completeSale(sale, counter.ctx), await completeSale(sale, counter.ctx)];
    const fromStoreroom = [await completeSale(sale, storeroom.ctx), await completeSale(sale, storeroom.ctx)];

    expect(fromCounter.map((s) => s.receiptNo)).toEqual(['A-0001', 'A-0002']);
    expect(fromStoreroom.map((s) => s.receiptNo)).toEqual(['B-0001', 'B-0002']);
    expect((await getDevice(counter.db))?.deviceNo).toBe(1);
    expect((await getDevice(storeroom.db))?.deviceNo).toBe(2);
  });
});

describe('receipt prefixes', () => {
  it('name tablets 1 to 26 A to Z, then go on with two letters', () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703].map(deviceLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('never give two device numbers the same prefix', () => {
    const prefixes = new Set(Array.from({ length: 5000 }, (_, i) => deviceLetters(i + 1)));
    expect(prefixes.size).toBe(5000);
  });

  it('refuse a device number that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => deviceLetters(bad)).toThrow(RangeError);
  });

  it('a tablet enrolled before device numbers keeps printing the prefix it always printed', async () => {
    expect(receiptPrefix('01890000-0000-7000-8000-00000000abcd')).toBe('P1');

    // The local device is stored without a number, as such tablets are.
    const { ctx } = await localDevice();
    const rice = await createProduct(productInput(), ctx);
    await receiveStock({ productId: rice.id, qty: 2, note: '' }, ctx);
    const sale = await completeSale({ lines: [{ productId: rice.id, qty: 1 }], tenderedFen: 10_000 }, ctx);

    expect(sale.receiptNo).toBe(`${receiptPrefix(ctx.deviceId)}-0001`);
    expect(sale.receiptNo).toMatch(/^[A-Z]\d-0001$/);
  });
});
