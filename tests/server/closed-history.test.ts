import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { writeServerRows } from '../../src/server/admin/operations';
import { createApp } from '../../src/server/app';
import type { AnyRow, TableName } from '../../src/shared/domain/entities';
import { closedAt } from '../../src/shared/domain/history-scope';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { Order } from '../../src/shared/domain/orders';
import { API } from '../../src/shared/protocol/endpoints';
import { LIMITS, type EnrolResponse, type HistoryResponse, type MutationEnvelope, type PullResponse } from '../../src/shared/protocol/messages';
import { historyKeyOf } from '../../src/shared/domain/history-scope';
import { checkHistoryReply } from '../../src/shared/protocol/history-reply';
import { enrolDevice, makeCentre, resigned, type TestCentre } from './support/centre';
import { orderArgs, parcelArgs, pushed, transitionArgs, villageMutation, villagerArgs } from './support/village';
import { storeKinds, type OpenedStore } from './support/stores';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const HISTORY_TABLES = ['orders', 'parcels'] as const;

interface TableRow {
  table: TableName;
  row: AnyRow;
}

const keyOf = ({ table, row }: TableRow) => `${table}/${row.id}`;
const rowsOfPage = (rows: Partial<Record<TableName, AnyRow[]>>): TableRow[] =>
  HISTORY_TABLES.flatMap((table) => (rows[table] ?? []).map((row) => ({ table, row })));

function get(app: Hono, token: string, path: string): Promise<Response> {
  return Promise.resolve(app.request(path, { headers: { authorization: `Bearer ${token}` } }));
}

/**
 * Every page of the closed history a fresh tablet fetches, `limit` rows at a
 * time, each checked as the tablet checks it; `afterFirstPage` runs once the
 * first page (and with it the snapshot) is taken.
 */
async function fetchHistory(app: Hono, tablet: EnrolResponse, limit: number, afterFirstPage?: () => Promise<void>) {
  const pages: HistoryResponse[] = [];
  let upTo: number | undefined;
  let after: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit), protocol: '6' });
    if (upTo !== undefined) query.set('upTo', String(upTo));
    if (after !== undefined) query.set('after', after);
    const res = await get(app, tablet.token, `${API.history}?${query}`);
    expect(res.status).toBe(200);
    const asked = { ...(upTo === undefined ? {} : { upTo }), ...(after === undefined ? {} : { after }) };
    const page = checkHistoryReply(await res.json(), asked, tablet.centre.id);
    pages.push(page);
    if (pages.length === 1) await afterFirstPage?.();
    upTo = page.upTo;
    after = page.after;
    if (!page.hasMore) break;
  }
  return { pages, upTo: upTo!, rows: pages.flatMap((page) => rowsOfPage(page.rows)) };
}

/** Every feed page a tablet of protocol 6 pulls from the start, naming the history it fetched if any. */
async function pullFeed(app: Hono, token: string, closedUpTo?: number) {
  const rows: TableRow[] = [];
  let olderLeftOut = 0;
  for (let cursor = 0; ; ) {
    const query = `after=${cursor}&limit=7&protocol=6${closedUpTo === undefined ? '' : `&closedUpTo=${closedUpTo}`}`;
    const res = await get(app, token, `${API.pull}?${query}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as PullResponse;
    rows.push(...rowsOfPage(page.rows));
    olderLeftOut += page.olderLeftOut ?? 0;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { rows, olderLeftOut };
}

/** The orders and parcels a tablet ends with: each row's last version received, as JSON by `table/id`. */
function heldBy(...received: TableRow[][]): Map<string, string> {
  const held = new Map<string, string>();
  for (const row of received.flat()) held.set(keyOf(row), JSON.stringify(row.row));
  return held;
}

const isClosed = ({ table, row }: TableRow) => closedAt(table, row) !== null;

describe.each(storeKinds())('a fresh tablet fetching the closed history first on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;
  let other: TestCentre;
  let secondTablet: EnrolResponse;
  const at = (m: MutationEnvelope, createdAt: string) => resigned(shop, m, { createdAt });
  /** Villager ids in key order. */
  let villagers: string[];
  const ids = {
    openOrders: [] as string[],
    waitingParcels: [] as string[],
    unmatchedParcels: [] as string[],
    oldOrder: '',
    oldParcel: '',
    /** Cancelled before the snapshot, shipped after it by a tablet that had seen it paid. */
    reopened: '',
    /** Waiting at the snapshot, sent back after it. */
    returnedLate: '',
    /** Placed and cancelled after the snapshot. */
    cancelledLate: '',
    otherCentre: [] as string[],
  };

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'C');
    other = await makeCentre(opened.store, app, 'O');
    secondTablet = await enrolDevice(opened.store, app, shop.centre.id, 'Second tablet');
    villagers = Array.from({ length: 7 }, () => uuidv7()).sort();
    const mutations: MutationEnvelope[] = villagers.map((customerId) => villageMutation(shop, 'customer.create', villagerArgs({ customerId })));
    // A different number of closed rows each, so pages of a few rows end at different villagers.
    villagers.forEach((customerId, i) => {
      for (let n = 0; n <= i % 4; n++) {
        const cancelled = orderArgs(shop, customerId);
        mutations.push(
          villageMutation(shop, 'order.create', cancelled),
          villageMutation(shop, 'order.transition', transitionArgs(cancelled.orderId, 'placed', 'cancelled')),
        );
      }
      const open = orderArgs(shop, customerId);
      ids.openOrders.push(open.orderId);
      const collected = parcelArgs({ customerId });
      const waiting = parcelArgs({ customerId });
      ids.waitingParcels.push(waiting.parcelId);
      mutations.push(
        villageMutation(shop, 'order.create', open),
        villageMutation(shop, 'parcel.log', collected),
        villageMutation(shop, 'parcel.handover', { parcelId: collected.parcelId, method: 'code', code: collected.pickupCode }),
        villageMutation(shop, 'parcel.log', waiting),
      );
    });
    // Parcels matched to no villager, sent back.
    for (let n = 0; n < 3; n++) {
      const parcel = parcelArgs();
      ids.unmatchedParcels.push(parcel.parcelId);
      mutations.push(villageMutation(shop, 'parcel.log', parcel), villageMutation(shop, 'parcel.return', { parcelId: parcel.parcelId }));
    }
    // Closed two years ago: older than the default twelve months kept.
    const oldOrder = orderArgs(shop, villagers[1]!);
    const oldParcel = parcelArgs({ customerId: villagers[1]! });
    ids.oldOrder = oldOrder.orderId;
    ids.oldParcel = oldParcel.parcelId;
    mutations.push(
      at(villageMutation(shop, 'order.create', oldOrder), daysAgo(800)),
      at(villageMutation(shop, 'order.transition', transitionArgs(oldOrder.orderId, 'placed', 'cancelled')), daysAgo(799)),
      at(villageMutation(shop, 'parcel.log', oldParcel), daysAgo(700)),
      at(villageMutation(shop, 'parcel.return', { parcelId: oldParcel.parcelId }), daysAgo(690)),
    );
    // Of the last villager, so its page comes after the snapshot moved on.
    const last = villagers.at(-1)!;
    const reopened = orderArgs(shop, last);
    const returnedLate = parcelArgs({ customerId: last });
    ids.reopened = reopened.orderId;
    ids.returnedLate = returnedLate.parcelId;
    mutations.push(
      villageMutation(shop, 'order.create', reopened),
      villageMutation(shop, 'order.transition', transitionArgs(reopened.orderId, 'placed', 'paid')),
      villageMutation(shop, 'order.transition', transitionArgs(reopened.orderId, 'paid', 'cancelled')),
      villageMutation(shop, 'parcel.log', returnedLate),
    );
    expect(await pushed(app, shop, mutations)).toEqual(mutations.map(() => 'applied'));

    const neighbour = villagerArgs();
    const theirs = orderArgs(other, neighbour.customerId);
    ids.otherCentre.push(theirs.orderId);
    const otherMutations = [
      villageMutation(other, 'customer.create', neighbour),
      villageMutation(other, 'order.create', theirs),
      villageMutation(other, 'order.transition', transitionArgs(theirs.orderId, 'placed', 'cancelled')),
    ];
    expect(await pushed(app, other, otherMutations)).toEqual(['applied', 'applied', 'applied']);
  });
  afterAll(() => opened.dispose());

  /** What happens while the fresh tablet is part way through its history. */
  async function changesAfterTheSnapshot() {
    const last = villagers.at(-1)!;
    const late = orderArgs(shop, last);
    ids.cancelledLate = late.orderId;
    // The second tablet had seen the order paid, not cancelled: its shipping goes further and reopens it.
    const shipped = villageMutation(shop, 'order.transition', transitionArgs(ids.reopened, 'paid', 'shipped'), shop.clerk.id, secondTablet.deviceId);
    expect(await pushed(app, shop, [shipped], secondTablet.token, secondTablet.deviceId)).toEqual(['applied']);
    const mutations = [
      villageMutation(shop, 'parcel.return', { parcelId: ids.returnedLate }),
      villageMutation(shop, 'order.create', late),
      villageMutation(shop, 'order.transition', transitionArgs(late.orderId, 'placed', 'cancelled')),
    ];
    expect(await pushed(app, shop, mutations)).toEqual(['applied', 'applied', 'applied']);
  }

  it('ends with the same orders and parcels as a tablet that pulled the whole feed, sending each closed one once', async () => {
    const fresh = await enrolDevice(opened.store, app, shop.centre.id, 'Fresh tablet');
    const seqAtFirstPage = await opened.store.lastSeq(shop.centre.id);
    const history = await fetchHistory(app, fresh, 3, changesAfterTheSnapshot);
    expect(history.upTo).toBe(seqAtFirstPage);
    expect(history.pages.length).toBeGreaterThan(3);
    const feed = await pullFeed(app, fresh.token, history.upTo);

    const whole = await pullFeed(app, (await enrolDevice(opened.store, app, shop.centre.id, 'Whole feed tablet')).token);
    const expected = heldBy(whole.rows);
    expect(heldBy(history.rows, feed.rows)).toEqual(expected);
    expect(expected.get(`orders/${ids.reopened}`)).toContain('"status":"shipped"');

    // Nothing came twice: the feed brought only what closed after the snapshot, and open rows.
    const fromHistory = new Set(history.rows.map(keyOf));
    expect(feed.rows.filter((row) => fromHistory.has(keyOf(row)))).toEqual([]);
    expect(feed.rows.filter(isClosed).map(keyOf).sort()).toEqual([`orders/${ids.cancelledLate}`, `parcels/${ids.returnedLate}`].sort());
    expect(feed.rows.length + history.rows.length).toBe(expected.size);
    // The reopened order came by the feed alone, at its newest.
    expect(fromHistory.has(`orders/${ids.reopened}`)).toBe(false);
    expect(feed.rows.find((row) => row.row.id === ids.reopened)?.row).toMatchObject({ status: 'shipped' });
  });

  it('sends whole villagers, in the order of their ids, the parcels of none first', async () => {
    const fresh = await enrolDevice(opened.store, app, shop.centre.id, 'Paging tablet');
    for (const limit of [1, 2, 5, 1000]) {
      const { pages } = await fetchHistory(app, fresh, limit);
      const keysOfPages = pages.map((page) => [...new Set(rowsOfPage(page.rows).map(({ row }) => historyKeyOf(row)))].sort());
      const keys = keysOfPages.flat();
      // Each villager on one page only, and the pages in key order.
      expect(keys).toEqual([...new Set(keys)].sort());
      expect(keys[0]).toBe('');
      expect(keys).toEqual(['', ...villagers]);
      for (const [i, page] of pages.entries()) {
        expect(page.after).toBe(keysOfPages[i]!.at(-1));
        // A page ends at its limit or, for a larger villager, once the villager is whole.
        if (page.hasMore) expect(rowsOfPage(page.rows).length).toBeGreaterThanOrEqual(limit);
      }
      const first = rowsOfPage(pages[0]!.rows);
      expect(first.filter(({ row }) => historyKeyOf(row) === '').map(keyOf).sort()).toEqual(
        ids.unmatchedParcels.map((id) => `parcels/${id}`).sort(),
      );
    }
  });

  it('leaves out open orders and waiting parcels, and what closed before the horizon, which the feed still counts as left out', async () => {
    const fresh = await enrolDevice(opened.store, app, shop.centre.id, 'Scoped tablet');
    const history = await fetchHistory(app, fresh, 4);
    const sent = new Set(history.rows.map(({ row }) => row.id));
    for (const id of [...ids.openOrders, ...ids.waitingParcels, ids.oldOrder, ids.oldParcel]) expect(sent.has(id)).toBe(false);
    expect(history.rows.every(isClosed)).toBe(true);

    const feed = await pullFeed(app, fresh.token, history.upTo);
    const whole = await pullFeed(app, fresh.token);
    // The old order, the old parcel and its freed pickup code.
    expect(feed.olderLeftOut).toBe(3);
    expect(whole.olderLeftOut).toBe(3);
    const fed = new Set(feed.rows.map(({ row }) => row.id));
    expect(fed.has(ids.oldOrder) || fed.has(ids.oldParcel)).toBe(false);
  });

  it('never sends another centre’s rows', async () => {
    const fresh = await enrolDevice(opened.store, app, shop.centre.id, 'Own centre tablet');
    const ours = await fetchHistory(app, fresh, 1000);
    expect(ours.rows.every(({ row }) => row.centreId === shop.centre.id)).toBe(true);
    const theirs = await fetchHistory(app, other.device, 1000);
    expect(theirs.rows.map(({ row }) => row.id)).toEqual(ids.otherCentre);
    // Their snapshot is their own feed's seq, ours is ours.
    expect(theirs.upTo).toBe(await opened.store.lastSeq(other.centre.id));

    const empty = await makeCentre(opened.store, app, 'E');
    const res = await get(app, empty.device.token, API.history);
    expect(await res.json()).toMatchObject({ rows: {}, hasMore: false });
    expect(await (await get(app, empty.device.token, API.history)).json()).not.toHaveProperty('after');
  });

  it('refuses a bad query with 400 and records no sync', async () => {
    const fresh = await enrolDevice(opened.store, app, shop.centre.id, 'Careless tablet');
    const lastSeq = await opened.store.lastSeq(shop.centre.id);
    const badQueries = [
      'after=not-a-villager',
      'after=0196F0A2-0000-7000-8000-000000000000',
      // A snapshot from the future.
      `upTo=${lastSeq + 1}`,
      'upTo=-1',
      'limit=0',
      `limit=${LIMITS.pullMaxRows + 1}`,
    ];
    for (const query of badQueries) {
      const res = await get(app, fresh.token, `${API.history}?${query}`);
      expect(res.status, query).toBe(400);
      expect(await res.json(), query).toMatchObject({ error: 'bad_request' });
    }
    expect((await opened.store.getDevice(fresh.deviceId))?.lastSyncAt).toBeNull();
    expect(await opened.store.lastSeq(shop.centre.id)).toBe(lastSeq);
    expect((await get(app, 'not-a-token', API.history)).status).toBe(401);
  });
});

describe.each(storeKinds())('closed history pages bounded by rows and bytes on $name (S4)', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'B');
  });
  afterAll(() => opened.dispose());

  /** A cancelled order of `t`, written by the server (not schema-checked), its one line named `name`. */
  function cancelledOrder(t: TestCentre, customerId: string, name = '羽绒服'): Order {
    const now = new Date().toISOString();
    const lines = [{ name, qty: 1, unitPriceFen: 100 }];
    const { orderId, status: _status, ...fields } = orderArgs(t, customerId, { lines, totalFen: 1200 });
    const order = { ...fields, id: orderId, centreId: t.centre.id, status: 'cancelled', history: [], deviceId: t.device.deviceId };
    return { ...order, createdAt: now, updatedAt: now, createdBy: t.clerk.id } as Order;
  }
  const bulkyOrder = (customerId: string) => cancelledOrder(shop, customerId, 'x'.repeat(100_000));

  it('finishes a villager of many rows past the row limit, across the chunks a store reads', async () => {
    const busy = await makeCentre(opened.store, app, 'M');
    const [many, few] = [uuidv7(), uuidv7()].sort() as [string, string];
    const rows = [...Array.from({ length: 150 }, () => many), few, few].map((id) => ({ table: 'orders' as const, row: cancelledOrder(busy, id) }));
    await writeServerRows(opened.store, busy.centre.id, rows);
    const { pages } = await fetchHistory(app, busy.device, 1);
    expect(pages.map((page) => (page.rows.orders ?? []).map((row) => row.id).sort())).toEqual([
      rows.slice(0, 150).map(({ row }) => row.id).sort(),
      rows.slice(150).map(({ row }) => row.id).sort(),
    ]);
    expect(pages.map((page) => page.after)).toEqual([many, few]);
  });

  it('ends a page before the villager that would pass the bound, and sends a villager bigger than it whole and alone', async () => {
    const villagers = Array.from({ length: 7 }, () => uuidv7()).sort();
    // Three rows each (300 kB), but the third villager's twelve (1.2 MB).
    const sizes = [3, 3, 12, 3, 3, 3, 3];
    for (const [i, customerId] of villagers.entries()) {
      const rows = Array.from({ length: sizes[i]! }, () => ({ table: 'orders' as const, row: bulkyOrder(customerId) }));
      await writeServerRows(opened.store, shop.centre.id, rows);
    }
    const { pages } = await fetchHistory(app, shop.device, LIMITS.pullMaxRows);
    const villagersOfPages = pages.map((page) => [...new Set((page.rows.orders ?? []).map(historyKeyOf))]);
    expect(villagersOfPages).toEqual([villagers.slice(0, 2), [villagers[2]], villagers.slice(3, 6), [villagers[6]]]);
    for (const [i, page] of pages.entries()) {
      const orders = page.rows.orders ?? [];
      const ofPage = villagersOfPages[i]!;
      // Every row of each villager sent.
      expect(orders.length).toBe(ofPage.reduce((sum, villager) => sum + sizes[villagers.indexOf(villager)]!, 0));
      // Pages fill up to the bound; only a villager bigger than it goes alone past it.
      if (ofPage.length > 1) {
        expect(orders.reduce((sum, row) => sum + Buffer.byteLength(JSON.stringify(row)), 0)).toBeLessThanOrEqual(LIMITS.pageMaxBytes);
      }
    }
  });
});
