import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CunzhanDb } from '../../src/client/data/db';
import { getRow } from '../../src/client/data/closed-history';
import { closedOrderCount } from '../../src/client/data/closed-history-counts';
import { closedParcelsOfOrder, newestClosedOrders } from '../../src/client/data/closed-history-status';
import { listSales } from '../../src/client/data/queries/sales';
import { uuidv7 } from '../../src/shared/domain/ids';
import { openShippedVersion } from './support/shipped-db';

describe('database versions', () => {
  it('data written by version 1, including queued mutations, is read back by the current version', async () => {
    const name = `upgrade-${uuidv7()}`;
    const v1 = openShippedVersion(name, 1);
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

  it('sales stored by version 1 still list by day and by staff after the upgrade to version 2', async () => {
    const name = `upgrade-${uuidv7()}`;
    const v1 = openShippedVersion(name, 1);
    const clerk = uuidv7();
    const other = uuidv7();
    const productId = uuidv7();
    const sale = (createdBy: string, createdAt: string, receiptNo: string) => ({
      id: uuidv7(), centreId: uuidv7(), createdAt, updatedAt: createdAt, createdBy, receiptNo,
      lines: [{ productId, names: { 'zh-CN': '大米' }, unit: '袋', unitPriceFen: 4500, qty: 1, lineTotalFen: 4500 }],
      productIds: [productId], totalFen: 4500, tenderedFen: 5000, changeFen: 500, payment: 'cash', channel: 'counter',
      deviceId: uuidv7(),
    });
    const yesterday = sale(clerk, '2026-03-01T09:00:00.000Z', 'A-0001');
    const morning = sale(clerk, '2026-03-02T02:00:00.000Z', 'A-0002');
    const afternoon = sale(other, '2026-03-02T08:00:00.000Z', 'A-0003');
    await v1.table('sales').bulkAdd([yesterday, morning, afternoon]);
    v1.close();

    const current = new CunzhanDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(2);
    const day = { from: new Date('2026-03-02T00:00:00.000Z'), to: new Date('2026-03-03T00:00:00.000Z') };
    expect(await listSales(current, day)).toEqual([afternoon, morning]);
    expect(await listSales(current, { ...day, staffId: clerk })).toEqual([morning]);
    expect(await current.sales.get(yesterday.id)).toEqual(yesterday);
    current.close();
  });
});

describe('database version 3', () => {
  it('a version 2 tablet with a queue from before proofs and a legacy staff row opens unchanged, with the new tables empty', async () => {
    const name = `upgrade-v3-${uuidv7()}`;
    const v2 = openShippedVersion(name, 2);
    const now = new Date().toISOString();
    const staff = {
      id: uuidv7(), centreId: uuidv7(), createdAt: now, updatedAt: now, createdBy: 'seed', name: '李强', role: 'clerk',
      active: true, pinSalt: 'c2FsdA==', pinHash: 'aGFzaA==', pinIterations: 1000,
    };
    const queued = {
      id: uuidv7(), kind: 'sale.create', args: { saleId: uuidv7() }, staffId: staff.id, deviceId: uuidv7(),
      centreId: staff.centreId, createdAt: now, protocolVersion: 3, touched: [], before: [],
    };
    await v2.table('staff').add(staff);
    await v2.table('outbox').add(queued);
    v2.close();

    const current = new CunzhanDb(name);
    expect(await current.staff.get(staff.id)).toEqual(staff);
    const [entry] = await current.outbox.toArray();
    expect(entry).toMatchObject(queued);
    expect(entry!.proof).toBeUndefined();
    expect(await current.reviews.count()).toBe(0);
    expect(await current.sessionKeys.count()).toBe(0);
    expect(current.verno).toBeGreaterThanOrEqual(3);
    current.close();
  });
});

describe('database version 4', () => {
  it('a version 3 tablet with products, sales, reviews, staff and a queue opens unchanged, with villagers, orders and parcels to fill', async () => {
    const name = `upgrade-v4-${uuidv7()}`;
    const v3 = openShippedVersion(name, 3);
    const now = new Date().toISOString();
    const centreId = uuidv7();
    const staff = { id: uuidv7(), centreId, createdAt: now, updatedAt: now, createdBy: 'seed', name: '王芳', role: 'admin', active: true };
    const productId = uuidv7();
    const product = {
      id: productId, centreId, createdAt: now, updatedAt: now, createdBy: staff.id, sku: 'RICE-5', barcode: '',
      names: { 'zh-CN': '大米' }, unit: '袋', priceFen: 4500, kind: 'stock', lowStockThreshold: 2, active: true,
    };
    const sale = {
      id: uuidv7(), centreId, createdAt: now, updatedAt: now, createdBy: staff.id, receiptNo: 'A-0001',
      lines: [{ productId, names: { 'zh-CN': '大米' }, unit: '袋', unitPriceFen: 4500, qty: 1, lineTotalFen: 4500 }],
      totalFen: 4500, tenderedFen: 5000, changeFen: 500, payment: 'cash', channel: 'counter', deviceId: uuidv7(),
    };
    const review = { id: uuidv7(), centreId, createdAt: now, updatedAt: now, createdBy: 'server', kind: 'sale_by_inactive_staff', refTable: 'sales', refId: sale.id, staffId: staff.id, deviceId: sale.deviceId };
    const queued = {
      id: uuidv7(), kind: 'sale.create', args: { saleId: sale.id }, staffId: staff.id, deviceId: sale.deviceId, centreId,
      createdAt: now, protocolVersion: 3, keyId: uuidv7(), proof: 'cHJvb2Y', touched: [`sales:${sale.id}`], before: [{ key: `sales:${sale.id}`, row: null }],
    };
    await v3.table('staff').add(staff);
    await v3.table('products').add(product);
    await v3.table('sales').add(sale);
    await v3.table('stockLevels').add({ productId, level: 9 });
    await v3.table('reviews').add(review);
    await v3.table('outbox').add(queued);
    await v3.table('meta').add({ key: 'cursor', value: 314 });
    v3.close();

    const current = new CunzhanDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(4);
    expect(await current.staff.get(staff.id)).toEqual(staff);
    expect(await current.products.get(productId)).toEqual(product);
    expect(await current.sales.get(sale.id)).toEqual(sale);
    expect(await current.stockLevels.get(productId)).toEqual({ productId, level: 9 });
    expect(await current.reviews.get(review.id)).toEqual(review);
    expect(await current.outbox.where('touched').equals(`sales:${sale.id}`).toArray()).toMatchObject([queued]);
    expect((await current.meta.get('cursor'))?.value).toBe(314);
    for (const table of [current.customers, current.platforms, current.orders, current.parcels, current.pickupCodes, current.customerSearch]) {
      expect(await table.count()).toBe(0);
    }

    // The new indexes answer: a multi-entry key prefix, a compound range, plain lookups.
    await current.customerSearch.put({ id: 'c1', keys: ['王芳', 'wangfang', 'wf'] });
    expect(await current.customerSearch.where('keys').startsWith('wa').primaryKeys()).toEqual(['c1']);
    const parcel = {
      id: uuidv7(), centreId, createdAt: now, updatedAt: now, createdBy: staff.id, trackingNo: 'SF1234567', carrier: '顺丰',
      customerId: 'c1', orderId: null, pickupCode: '123456', status: 'waiting' as const, arrivedAt: now,
      collectedAt: null, collectedBy: null, handoverMethod: null, returnedAt: null, deviceId: sale.deviceId,
    };
    await current.parcels.put(parcel);
    expect(await current.parcels.where('[status+arrivedAt]').between(['waiting', ''], ['waiting', '\uffff']).count()).toBe(1);
    expect(await current.parcels.where('customerId').equals('c1').count()).toBe(1);
    current.close();
  });
});

describe('database version 5', () => {
  it('a version 4 tablet keeps its orders and cursor, and gets an empty settings table (the defaults apply)', async () => {
    const name = `upgrade-v5-${uuidv7()}`;
    const v4 = openShippedVersion(name, 4);
    const now = new Date().toISOString();
    const order = { id: uuidv7(), centreId: uuidv7(), createdAt: now, updatedAt: now, createdBy: uuidv7(), customerId: uuidv7(), status: 'collected' };
    await v4.table('orders').add(order);
    await v4.table('meta').add({ key: 'cursor', value: 2718 });
    v4.close();

    const current = new CunzhanDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(5);
    // Collected, it is packed with its villager's closed history since version 12.
    expect(await getRow(current, 'orders', order.id)).toEqual(order);
    expect((await current.meta.get('cursor'))?.value).toBe(2718);
    expect(await current.settings.count()).toBe(0);
    expect(await closedOrderCount(current, 'collected')).toBe(1);
    current.close();
  });
});

describe('database version 12', () => {
  it('a version 11 tablet keeps every order and parcel: the closed ones packed by villager, the open ones as they were', async () => {
    const name = `upgrade-v12-${uuidv7()}`;
    const v11 = openShippedVersion(name, 11);
    const now = new Date().toISOString();
    const [wang, li] = [uuidv7(), uuidv7()];
    const order = (customerId: string, status: string) => ({ id: uuidv7(), centreId: 'c', createdAt: now, updatedAt: now, createdBy: 's', customerId, status, history: [] });
    const parcel = (customerId: string | null, status: string, orderId: string | null) => ({
      id: uuidv7(), centreId: 'c', createdAt: now, updatedAt: now, createdBy: 's', customerId, orderId, status, arrivedAt: now, trackingNo: 'YT1', pickupCode: '123456',
    });
    const orders = [order(wang, 'collected'), order(wang, 'placed'), order(wang, 'cancelled'), order(li, 'returned'), order(li, 'arrived')];
    const parcels = [parcel(wang, 'collected', orders[0]!.id), parcel(li, 'waiting', orders[4]!.id), parcel(null, 'returned', null)];
    await v11.table('orders').bulkAdd(orders);
    await v11.table('parcels').bulkAdd(parcels);
    v11.close();

    const current = new CunzhanDb(name);
    await current.open();
    expect((await current.orders.toCollection().primaryKeys()).sort()).toEqual([orders[1]!.id, orders[4]!.id].sort());
    expect(await current.parcels.toCollection().primaryKeys()).toEqual([parcels[1]!.id]);
    expect((await current.historyPacks.toCollection().primaryKeys()).sort()).toEqual(['', wang, li].sort());
    for (const o of orders) expect(await getRow(current, 'orders', o.id)).toEqual(o);
    for (const p of parcels) expect(await getRow(current, 'parcels', p.id)).toEqual(p);
    expect(await closedOrderCount(current, 'collected')).toBe(1);
    expect(await closedOrderCount(current, 'cancelled')).toBe(1);
    expect(await closedOrderCount(current, 'returned')).toBe(1);
    expect((await closedParcelsOfOrder(current, orders[0]!.id)).map((p) => p.id)).toEqual([parcels[0]!.id]);
    current.close();
  });
});

describe('database version 13', () => {
  it("a version 12 tablet's packs are summed up by status: counts, newest lists and an order's parcels read the same", async () => {
    const name = `upgrade-v13-${uuidv7()}`;
    const v12 = openShippedVersion(name, 12);
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
    const [wang, li] = [uuidv7(), uuidv7()];
    const order = (customerId: string, status: string, daysAgo: number) => ({ id: uuidv7(), centreId: 'c', createdAt: at(daysAgo), updatedAt: at(daysAgo), createdBy: 's', customerId, status, history: [] });
    const orders = [order(wang, 'collected', 3), order(wang, 'collected', 1), order(wang, 'cancelled', 2), order(li, 'collected', 2)];
    const parcel = { id: uuidv7(), centreId: 'c', createdAt: at(1), updatedAt: at(1), createdBy: 's', customerId: li, orderId: orders[0]!.id, status: 'collected', arrivedAt: at(1), trackingNo: 'YT1', pickupCode: '123456' };
    // As version 12 wrote them: an index entry per row.
    const v12Pack = (id: string, packed: typeof orders, parcels: (typeof parcel)[]) => ({
      id, orders: packed, parcels, orderIds: packed.map((o) => o.id), parcelIds: parcels.map((p) => p.id), parcelOrderIds: parcels.map((p) => p.orderId),
      orderStatus: packed.map((o) => [o.status, o.updatedAt, o.id]), parcelStatus: parcels.map((p) => [p.status, p.arrivedAt, p.id]),
    });
    await v12.table('historyPacks').bulkAdd([v12Pack(wang, orders.slice(0, 3), []), v12Pack(li, orders.slice(3), [parcel])]);
    v12.close();

    const current = new CunzhanDb(name);
    await current.open();
    expect(await closedOrderCount(current, 'collected')).toBe(3);
    expect(await closedOrderCount(current, 'cancelled')).toBe(1);
    expect((await newestClosedOrders(current, 'collected', 2)).map((o) => o.id)).toEqual([orders[1]!.id, orders[3]!.id]);
    expect((await closedParcelsOfOrder(current, orders[0]!.id)).map((p) => p.id)).toEqual([parcel.id]);
    expect(Object.keys((await current.historyPacks.get(li))!).sort()).toEqual(['closed', 'id', 'oldestClosed', 'orderIds', 'orders', 'parcelIds', 'parcels']);
    current.close();
  });
});
