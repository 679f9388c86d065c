import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getRow, putRows, pruneClosedBefore } from '../../src/client/data/closed-history';
import { closedOrderCount } from '../../src/client/data/closed-history-counts';
import { closedParcelsOfOrder, closedParcelsSince, newestClosedOrders } from '../../src/client/data/closed-history-status';
import { CunzhanDb, type OutboxEntry } from '../../src/client/data/db';
import { foldStagedHistory, STAGE_FROM_ROWS } from '../../src/client/data/history-staging';
import { villagerHistory } from '../../src/client/data/queries/villager-history';
import { allSyncedRows, deleteSyncedRows, putSyncedRows } from '../../src/client/data/synced-rows';
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
    expect(await newestClosedOrders(db, 'cancelled', 30)).toEqual([cancelled]);
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

  it("lists a status's newest orders across every villager's pack, and counts them, exactly as one sorted list would", async () => {
    const db = freshDb();
    const villagers = Array.from({ length: 12 }, () => uuidv7());
    // Interleaved in time across villagers, with ties in time, and other statuses between them.
    const base = Date.now();
    const orders = Array.from({ length: 150 }, (_, i) => ({
      ...order(villagers[(i * 7) % 12]!, i % 5 === 0 ? 'cancelled' : 'collected'),
      updatedAt: new Date(base - ((i * 13) % 40) * DAY_MS).toISOString(),
    }));
    await putRows(db, { orders });
    const collected = orders.filter((o) => o.status === 'collected');
    const sorted = [...collected].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
    for (const shown of [1, 5, 30, 60, 119, 120, 500]) expect(await newestClosedOrders(db, 'collected', shown)).toEqual(sorted.slice(0, shown));
    expect(await closedOrderCount(db, 'collected')).toBe(collected.length);
    expect(await closedOrderCount(db, 'cancelled')).toBe(orders.length - collected.length);

    // One villager's orders leave (reopened by another tablet): the counts and the list follow.
    const reopened = collected.filter((o) => o.customerId === villagers[3]).map((o) => ({ ...o, status: 'shipped' as const }));
    await putSyncedRows(db, 'orders', reopened);
    const left = sorted.filter((o) => o.customerId !== villagers[3]);
    expect(await closedOrderCount(db, 'collected')).toBe(left.length);
    expect(await newestClosedOrders(db, 'collected', 40)).toEqual(left.slice(0, 40));
  });

  it("finds an order's closed parcels in another villager's pack, where a parcel matched to someone else lies", async () => {
    const db = freshDb();
    const [wang, li] = [uuidv7(), uuidv7()];
    const bought = order(wang, 'collected');
    const forWang = parcel(wang, 'collected', bought.id);
    const forLi = parcel(li, 'returned', bought.id);
    await putRows(db, { orders: [bought], parcels: [forWang, forLi] });
    expect(ids(await closedParcelsOfOrder(db, bought.id))).toEqual(ids([forWang, forLi]));
    // Named by the order in Li's pack, the order itself is still only Wang's.
    expect(await getRow(db, 'orders', bought.id)).toEqual(bought);
    expect(await closedOrderCount(db, 'collected')).toBe(1);
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
    const pruned = await db.transaction('rw', [db.historyPacks, db.historyCounts], () =>
      pruneClosedBefore(db, at(365), (table, id) => table === 'orders' && id === kept.id),
    );
    expect(pruned).toBe(2);
    expect(ids(await allSyncedRows(db, 'orders'))).toEqual(ids([kept, recent]));
    expect(await allSyncedRows(db, 'parcels')).toEqual([]);
    expect(await closedOrderCount(db, 'collected')).toBe(1);
    expect(await closedOrderCount(db, 'cancelled')).toBe(1);
  });

  it('keeps the counts by status exact through any mix of closings, reopenings, deletions and pruning', async () => {
    const db = freshDb();
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const villagers = Array.from({ length: 6 }, () => uuidv7());
    const statuses: OrderStatus[] = ['placed', 'shipped', 'collected', 'cancelled', 'returned'];
    const known: Order[] = [];
    for (let step = 0; step < 60; step++) {
      const roll = random();
      if (roll < 0.5 || known.length === 0) {
        const made = Array.from({ length: 1 + Math.floor(random() * 4) }, () => order(villagers[Math.floor(random() * 6)]!, statuses[Math.floor(random() * 5)]!, Math.floor(random() * 500)));
        known.push(...made);
        await putSyncedRows(db, 'orders', made);
      } else if (roll < 0.8) {
        const moved = known.filter(() => random() < 0.3).map((o) => ({ ...o, status: statuses[Math.floor(random() * 5)]! }));
        await putSyncedRows(db, 'orders', moved);
      } else if (roll < 0.9) {
        const gone = known.filter(() => random() < 0.2).map((o) => o.id);
        await deleteSyncedRows(db, 'orders', gone);
      } else {
        await db.transaction('rw', db.syncedWithDerived(), () => pruneClosedBefore(db, at(300), () => false));
      }
      const held = (await allSyncedRows(db, 'orders')) as Order[];
      for (const status of ['collected', 'cancelled', 'returned']) {
        expect(await closedOrderCount(db, status), `step ${step}, ${status}`).toBe(held.filter((o) => o.status === status).length);
      }
    }
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
