import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { closedOrderCount, closedParcelsOfOrder, closedParcelsSince, getRow, newestClosedOrderIds, putRows, pruneClosedBefore } from '../../src/client/data/closed-history';
import { CunzhanDb, type OutboxEntry } from '../../src/client/data/db';
import { foldStagedHistory, STAGE_FROM_ROWS } from '../../src/client/data/history-staging';
import { villagerHistory } from '../../src/client/data/queries/villager-history';
import { allSyncedRows, putSyncedRows } from '../../src/client/data/synced-rows';
import { applyHistoryPage } from '../../src/client/sync/closed-history';
import { applyPullPage } from '../../src/client/sync/pull';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { OrderStatus } from '../../src/shared/domain/order-status';
import type { Order } from '../../src/shared/domain/orders';
import type { Parcel, ParcelStatus } from '../../src/shared/domain/parcels';
import { PROTOCOL_VERSION } from '../../src/shared/protocol/version';

const CENTRE = uuidv7();
const DAY_MS = 86_400_000;

function at(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * DAY_MS).toISOString();
}

function order(customerId: string, status: OrderStatus, daysAgo = 1, id = uuidv7()): Order {
  const when = at(daysAgo);
  return {
    id, centreId: CENTRE, createdAt: when, updatedAt: when, createdBy: 'staff', customerId, platformId: 'taobao', platformOrderNo: `TB-${id.slice(-6)}`,
    lines: [{ name: '电饭锅', qty: 1, unitPriceFen: 19900 }], deliveryFeeFen: 0, serviceFeeFen: 200, depositFen: 0, totalFen: 20100,
    status, history: [{ status, at: when, staffId: 'staff', deviceId: 'd', mutationId: uuidv7() }], deviceId: 'd',
  };
}

function parcel(customerId: string | null, status: ParcelStatus, orderId: string | null, daysAgo = 1): Parcel {
  const when = at(daysAgo);
  const id = uuidv7();
  return {
    id, centreId: CENTRE, createdAt: when, updatedAt: when, createdBy: 'staff', trackingNo: `YT${id.slice(-10)}`, carrier: '圆通', customerId, orderId,
    pickupCode: '123456', status, arrivedAt: when, collectedAt: status === 'collected' ? when : null, collectedBy: null, handoverMethod: null,
    returnedAt: status === 'returned' ? when : null, deviceId: 'd',
  };
}

const freshDb = () => new CunzhanDb(`closed-history-${uuidv7()}`);
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

describe('closed orders and parcels, packed by villager', () => {
  it('keeps each row in one place as its status moves, and finds it by id, status, order and villager wherever it is', async () => {
    const db = freshDb();
    const wang = uuidv7();
    const placed = order(wang, 'placed');
    const collected = order(wang, 'collected');
    const cancelled = order(wang, 'cancelled');
    const handed = parcel(wang, 'collected', collected.id);
    await putRows(db, { orders: [placed, collected, cancelled], parcels: [handed] });

    expect(await db.orders.toCollection().primaryKeys()).toEqual([placed.id]);
    expect(await db.parcels.count()).toBe(0);
    expect(await db.historyPacks.toCollection().primaryKeys()).toEqual([wang]);
    for (const o of [placed, collected, cancelled]) expect(await getRow(db, 'orders', o.id)).toEqual(o);
    expect(await getRow(db, 'parcels', handed.id)).toEqual(handed);
    expect(await closedOrderCount(db, 'collected')).toBe(1);
    expect(await newestClosedOrderIds(db, 'cancelled', 30)).toEqual([cancelled.id]);
    expect(await closedParcelsOfOrder(db, collected.id)).toEqual([handed]);
    expect(ids(await closedParcelsSince(db, 'collected', at(2)))).toEqual([handed.id]);
    expect(await closedParcelsSince(db, 'collected', at(0))).toEqual([]);

    // Another tablet's shipment overtook the cancel (the furthest move wins): the order is open again.
    const shipped = { ...cancelled, status: 'shipped' as const, updatedAt: at(0) };
    await putSyncedRows(db, 'orders', [shipped]);
    expect(ids(await db.orders.toArray())).toEqual(ids([placed, shipped]));
    expect(await closedOrderCount(db, 'cancelled')).toBe(0);
    expect(await getRow(db, 'orders', cancelled.id)).toEqual(shipped);

    // The placed order is collected: it joins the pack, and the villager's page lists all three, newest first.
    const done = { ...placed, status: 'collected' as const, updatedAt: at(0) };
    await putSyncedRows(db, 'orders', [done]);
    expect(await closedOrderCount(db, 'collected')).toBe(2);
    const history = await villagerHistory(db, wang, 30);
    expect(history.orderCount).toBe(3);
    expect(ids(history.orders)).toEqual(ids([done, collected, shipped]));
    expect(history.done).toEqual([handed]);
    expect(ids(await allSyncedRows(db, 'orders'))).toEqual(ids([done, collected, shipped]));
  });

  it('a parcel never matched to a villager is packed too, and a pack left empty is deleted', async () => {
    const db = freshDb();
    const stray = parcel(null, 'returned', null);
    await putRows(db, { parcels: [stray] });
    expect(await getRow(db, 'parcels', stray.id)).toEqual(stray);
    expect(await db.historyPacks.toCollection().primaryKeys()).toEqual(['']);

    await db.transaction('rw', [...db.syncedWithDerived(), db.meta], async () => {
      // In the caller's transaction: its next write after the pack's still belongs to it.
      await putSyncedRows(db, 'parcels', [{ ...stray, status: 'waiting', returnedAt: null }]);
      await db.meta.put({ key: 'cursor', value: 7 });
    });
    expect(await db.historyPacks.count()).toBe(0);
    expect(await db.parcels.toCollection().primaryKeys()).toEqual([stray.id]);
    expect((await db.meta.get('cursor'))?.value).toBe(7);
  });

  it('prunes only what closed before the horizon, and keeps what a queued change still touches', async () => {
    const db = freshDb();
    const li = uuidv7();
    const old = order(li, 'collected', 400);
    const kept = order(li, 'cancelled', 400);
    const recent = order(li, 'collected', 10);
    const oldParcel = parcel(li, 'collected', old.id, 401);
    await putRows(db, { orders: [old, kept, recent], parcels: [oldParcel] });
    const pruned = await db.transaction('rw', db.historyPacks, () =>
      pruneClosedBefore(db, at(365), (table, id) => table === 'orders' && id === kept.id),
    );
    expect(pruned).toBe(2);
    expect(ids(await allSyncedRows(db, 'orders'))).toEqual(ids([kept, recent]));
    expect(await allSyncedRows(db, 'parcels')).toEqual([]);
  });
});

describe('a large pull stages its orders and parcels and packs them once', () => {
  const page = (cursor: number, orders: Order[], parcels: Parcel[] = []) => ({ rows: { orders, parcels }, cursor, hasMore: true });

  it('stages a large page and every page after it until the fold, so the last version of a row wins', async () => {
    const db = freshDb();
    const villagers = Array.from({ length: 50 }, () => uuidv7());
    const big = Array.from({ length: STAGE_FROM_ROWS }, (_, i) => order(villagers[i % 50]!, i % 4 === 0 ? 'shipped' : 'collected', 30 - (i % 30)));
    await applyPullPage(db, page(1, big));
    // Held back until the pull ends: nothing half-packed is on screen.
    expect(await db.orders.count()).toBe(0);
    expect(await db.historyPacks.count()).toBe(0);
    expect(await db.historyStaging.count()).toBe(1);

    // A small page after a staged one is staged too: the shipped order since collected, a collected one reopened.
    const reopened = big.find((o) => o.status === 'collected')!;
    const nowCollected = big.find((o) => o.status === 'shipped')!;
    const later = [{ ...nowCollected, status: 'collected' as const }, { ...reopened, status: 'shipped' as const }];
    await applyPullPage(db, page(2, later));
    expect(await db.historyStaging.count()).toBe(2);

    expect(await foldStagedHistory(db)).toBe(STAGE_FROM_ROWS);
    expect(await db.historyStaging.count()).toBe(0);
    expect(await db.historyPacks.count()).toBe(50);
    expect(await getRow(db, 'orders', nowCollected.id)).toMatchObject({ status: 'collected' });
    expect(await getRow(db, 'orders', reopened.id)).toMatchObject({ status: 'shipped' });
    // One shipped order left the open ones and one came back: as many open as were shipped.
    expect(await db.orders.count()).toBe(STAGE_FROM_ROWS / 4);
    expect(await closedOrderCount(db, 'collected')).toBe((STAGE_FROM_ROWS * 3) / 4);
    expect((await allSyncedRows(db, 'orders')).length).toBe(STAGE_FROM_ROWS);
  });

  it('a staged row that a queued change touches waits in the shadow; the tablet keeps showing its own change', async () => {
    const db = freshDb();
    const wang = uuidv7();
    const mine = order(wang, 'arrived');
    await putRows(db, { orders: [{ ...mine, status: 'collected' }] });
    const entry: OutboxEntry = {
      id: uuidv7(), kind: 'order.transition', args: {}, staffId: 'staff', deviceId: 'd', centreId: CENTRE, createdAt: at(0),
      protocolVersion: PROTOCOL_VERSION, touched: [`orders:${mine.id}`], before: [{ key: `orders:${mine.id}`, row: mine }],
    };
    await db.outbox.add(entry);
    const others = Array.from({ length: STAGE_FROM_ROWS }, () => order(uuidv7(), 'collected'));
    await applyPullPage(db, page(1, [...others, mine]));
    await foldStagedHistory(db);
    expect(await getRow(db, 'orders', mine.id)).toMatchObject({ status: 'collected' });
    expect(await db.shadow.get(`orders:${mine.id}`)).toMatchObject({ row: { status: 'arrived' } });
  });

  it('a fresh tablet writes each villager of the closed history into its pack, keeps a queued change on screen, and records where the fetch stands', async () => {
    const db = freshDb();
    const [li, wang] = [uuidv7(), uuidv7()].sort();
    const mine = order(wang!, 'collected');
    // Returned here, not yet answered: the history brings the server's collected version.
    await putRows(db, { orders: [{ ...mine, status: 'returned' }] });
    await db.outbox.add({
      id: uuidv7(), kind: 'order.transition', args: {}, staffId: 'staff', deviceId: 'd', centreId: CENTRE, createdAt: at(0),
      protocolVersion: PROTOCOL_VERSION, touched: [`orders:${mine.id}`], before: [{ key: `orders:${mine.id}`, row: mine }],
    });
    const hisOrders = [order(li!, 'collected'), order(li!, 'cancelled')];
    const unmatched = parcel(null, 'returned', null);
    const first = await applyHistoryPage(db, { upTo: 40, rows: { orders: hisOrders, parcels: [unmatched] }, after: li!, hasMore: true }, undefined);
    expect(first).toBe(3);
    expect(await db.meta.get('historySnapshot')).toMatchObject({ value: { upTo: 40, after: li, done: false } });

    const wangOwn = order(wang!, 'returned');
    await applyHistoryPage(db, { upTo: 40, rows: { orders: [mine, wangOwn] }, after: wang!, hasMore: false }, { upTo: 40, after: li!, done: false });
    expect(await db.meta.get('historySnapshot')).toMatchObject({ value: { upTo: 40, after: wang, done: true } });
    expect((await db.historyPacks.toCollection().primaryKeys()).sort()).toEqual(['', li, wang].sort());
    expect(ids((await db.historyPacks.get(li!))!.orders)).toEqual(ids(hisOrders));
    // The tablet's own change stays; the server's version waits in the shadow until the change is answered.
    expect(await getRow(db, 'orders', mine.id)).toMatchObject({ status: 'returned' });
    expect(await db.shadow.get(`orders:${mine.id}`)).toMatchObject({ row: { status: 'collected' } });
    expect(await getRow(db, 'orders', wangOwn.id)).toEqual(wangOwn);
    expect(await getRow(db, 'parcels', unmatched.id)).toEqual(unmatched);
  });
});
