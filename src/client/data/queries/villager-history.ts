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

const newestFirst = (a: { createdAt: string }, b: { createdAt: string }) => b.createdAt.localeCompare(a.createdAt);

/**
 * Orders and parcels carry the id the villager had when they were made; a
 * survivor's history also holds those of everyone merged into it.
 */
export async function villagerHistory(database: CunzhanDb, survivorId: string): Promise<VillagerHistory> {
  const ids = await idsOfVillager(database, survivorId);
  const [orders, parcels] = await Promise.all([
    database.orders.where('customerId').anyOf(ids).toArray(),
    database.parcels.where('customerId').anyOf(ids).toArray(),
  ]);
  const platformIds = [...new Set(orders.map((o) => o.platformId))];
  const platforms = await database.platforms.bulkGet(platformIds);
  const platformNames = new Map(platforms.flatMap((p) => (p ? [[p.id, p.names] as const] : [])));
  const byArrival = (a: Parcel, b: Parcel) => b.arrivedAt.localeCompare(a.arrivedAt);
  return {
    orders: orders.sort(newestFirst),
    platformNames,
    waiting: parcels.filter((p) => p.status === 'waiting').sort(byArrival),
    done: parcels.filter((p) => p.status !== 'waiting').sort(byArrival),
  };
}

export function useVillagerHistory(survivorId: string): VillagerHistory | undefined {
  return useLiveQuery(() => villagerHistory(defaultDb, survivorId), [survivorId]);
}
