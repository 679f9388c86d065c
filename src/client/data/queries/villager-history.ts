import type { Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalizedName } from '../../../shared/domain/entities';
import type { Order } from '../../../shared/domain/orders';
import type { Parcel } from '../../../shared/domain/parcels';
import { db as defaultDb, type CunzhanDb } from '../db';
import { idsOfVillager } from './villagers';

/** What a villager's page lists: their orders (newest first) and parcels by state. */
export interface VillagerHistory {
  orders: Order[];
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
 * The rows of one villager id: an `equals` range is read in one getAll,
 * where `anyOf` walks a cursor, one request per row.
 */
async function rowsOf<T>(table: Table<T, string>, ids: readonly string[]): Promise<T[]> {
  return (await Promise.all(ids.map((id) => table.where('customerId').equals(id).toArray()))).flat();
}

/**
 * Orders and parcels carry the id the villager had when they were made; a
 * survivor's history also holds those of everyone merged into it. The
 * survivor's own rows and the platforms are read while the merged ids are
 * looked up (usually none), so the page waits on one round of reads.
 */
export async function villagerHistory(database: CunzhanDb, survivorId: string): Promise<VillagerHistory> {
  const [merged, ownOrders, ownParcels, platforms] = await Promise.all([
    idsOfVillager(database, survivorId).then((ids) => ids.filter((id) => id !== survivorId)),
    rowsOf(database.orders, [survivorId]),
    rowsOf(database.parcels, [survivorId]),
    // A centre has a handful of platforms: one read of them all.
    database.platforms.toArray(),
  ]);
  const [mergedOrders, mergedParcels] =
    merged.length === 0 ? [[], []] : await Promise.all([rowsOf(database.orders, merged), rowsOf(database.parcels, merged)]);
  // Ids are time-ordered: reversed, the rows come nearly newest first and the sort has little to do.
  const orders = [...ownOrders, ...mergedOrders].reverse().sort(newestFirst);
  const parcels = [...ownParcels, ...mergedParcels].reverse().sort(byArrival);
  const platformNames = new Map(platforms.map((p) => [p.id, p.names] as const));
  return {
    orders,
    platformNames,
    waiting: parcels.filter((p) => p.status === 'waiting'),
    done: parcels.filter((p) => p.status !== 'waiting'),
  };
}

export function useVillagerHistory(survivorId: string): VillagerHistory | undefined {
  return useLiveQuery(() => villagerHistory(defaultDb, survivorId), [survivorId]);
}
