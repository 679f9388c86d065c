import type { Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalizedName } from '../../../shared/domain/entities';
import type { Order } from '../../../shared/domain/orders';
import type { Parcel } from '../../../shared/domain/parcels';
import { packsOf, type HistoryPack } from '../closed-history';
import { db as defaultDb, type CunzhanDb } from '../db';
import { idsOfVillager } from './villagers';

/** Orders or done parcels shown at first, and how many more each "show more" adds: a screenful or two, not hundreds of rows at once. */
export const HISTORY_PAGE = 30;

/** What a villager's page lists: their newest orders and parcels by state. */
export interface VillagerHistory {
  /** The newest orders, as many as the page shows, newest first. */
  orders: Order[];
  /** All their orders on this tablet. */
  orderCount: number;
  /** Platform names by id, for the orders. */
  platformNames: Map<string, LocalizedName>;
  waiting: Parcel[];
  /** Collected or returned, newest first. */
  done: Parcel[];
}

// ISO times of one format: plain string order is time order, without a collator per comparison.
const newestFirst = (a: { createdAt: string }, b: { createdAt: string }) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);
const byArrival = (a: Parcel, b: Parcel) => (a.arrivedAt < b.arrivedAt ? 1 : a.arrivedAt > b.arrivedAt ? -1 : 0);

/**
 * The open rows of one villager id: an `equals` range is read in one getAll,
 * where `anyOf` walks a cursor, one request per row.
 */
async function openRowsOf<T>(table: Table<T, string>, ids: readonly string[]): Promise<T[]> {
  return (await Promise.all(ids.map((id) => table.where('customerId').equals(id).toArray()))).flat();
}

/** The newest `shown` orders of several lists, newest first. */
function newestOf(lists: readonly Order[][], shown: number): Order[] {
  return lists.flat().sort(newestFirst).slice(0, shown);
}

/** Newest orders of some villager ids, `shown` of them, and how many they have in all. */
interface NewestOrders {
  orders: Order[];
  count: number;
}

/**
 * An id's open orders sit in the `customerId` index in id order, and ids
 * are UUIDv7s of the order's making: its last `shown` entries are its newest
 * open orders. Only those are read; the rest are counted in the index.
 */
async function newestOpenOrdersOf(database: CunzhanDb, ids: readonly string[], shown: number): Promise<NewestOrders> {
  const ofId = (id: string) => database.orders.where('customerId').equals(id);
  const [pages, counts] = await Promise.all([
    Promise.all(ids.map((id) => ofId(id).reverse().limit(shown).toArray())),
    Promise.all(ids.map((id) => ofId(id).count())),
  ]);
  return { orders: newestOf(pages, shown), count: counts.reduce((a, b) => a + b, 0) };
}

/** The newest open orders with the closed ones of the same ids' packs (closed-history.ts), read whole. */
function withClosed(open: NewestOrders, packs: readonly HistoryPack[], shown: number): NewestOrders {
  const closed = packs.map((p) => p.orders);
  return { orders: newestOf([open.orders, ...closed], shown), count: open.count + closed.reduce((n, o) => n + o.length, 0) };
}

/**
 * Orders and parcels carry the id the villager had when they were made; a
 * survivor's history also holds those of everyone merged into it. The
 * survivor's own rows and the platforms are read while the merged ids are
 * looked up (usually none), so the page waits on one round of reads.
 */
export async function villagerHistory(database: CunzhanDb, survivorId: string, ordersShown: number): Promise<VillagerHistory> {
  const [merged, ownOpen, ownPacks, ownParcels, platforms] = await Promise.all([
    idsOfVillager(database, survivorId).then((ids) => ids.filter((id) => id !== survivorId)),
    newestOpenOrdersOf(database, [survivorId], ordersShown),
    packsOf(database, [survivorId]),
    openRowsOf(database.parcels, [survivorId]),
    // A centre has a handful of platforms: one read of them all.
    database.platforms.toArray(),
  ]);
  const own = withClosed(ownOpen, ownPacks, ordersShown);
  const [theirOpen, mergedPacks, mergedParcels] =
    merged.length === 0
      ? [null, [], []]
      : await Promise.all([newestOpenOrdersOf(database, merged, ordersShown), packsOf(database, merged), openRowsOf(database.parcels, merged)]);
  const theirs = theirOpen ? withClosed(theirOpen, mergedPacks, ordersShown) : null;
  const orders = theirs ? newestOf([own.orders, theirs.orders], ordersShown) : own.orders;
  // Ids are time-ordered: reversed, the rows come nearly newest first and the sort has little to do.
  const closedParcels = [...ownPacks, ...mergedPacks].flatMap((p) => p.parcels);
  const parcels = [...ownParcels, ...mergedParcels, ...closedParcels].reverse().sort(byArrival);
  const platformNames = new Map(platforms.map((p) => [p.id, p.names] as const));
  return {
    orders,
    orderCount: own.count + (theirs?.count ?? 0),
    platformNames,
    waiting: parcels.filter((p) => p.status === 'waiting'),
    done: parcels.filter((p) => p.status !== 'waiting'),
  };
}

/** A villager's history with their newest `ordersShown` orders (see villagerHistory). */
export function useVillagerHistory(survivorId: string, ordersShown: number): VillagerHistory | undefined {
  return useLiveQuery(() => villagerHistory(defaultDb, survivorId, ordersShown), [survivorId, ordersShown]);
}
