import { useLiveQuery } from 'dexie-react-hooks';
import { getRow } from '../closed-history';
import { closedParcelsSince } from '../closed-history-status';
import { db as defaultDb, type CunzhanDb } from '../db';
import type { Customer, Order, Parcel } from './order-types';
import { resolveCustomerRows } from './villagers';

export interface ParcelView {
  parcel: Parcel;
  customer: Customer | undefined;
}

async function withCustomers(database: CunzhanDb, parcels: readonly Parcel[]): Promise<ParcelView[]> {
  const ids = parcels.flatMap((p) => (p.customerId === null ? [] : [p.customerId]));
  const customers = await resolveCustomerRows(database, ids);
  return parcels.map((parcel) => ({ parcel, customer: parcel.customerId === null ? undefined : customers.get(parcel.customerId) }));
}

/** Open parcels (those waiting) of a status in arrival order: records of their own (closed ones are packed). */
function inStatus(database: CunzhanDb, status: Parcel['status'], since = '') {
  return database.parcels.where('[status+arrivedAt]').between([status, since], [status, '\uffff']);
}

/** Waiting parcels the list shows at first, and how many more each "show more" adds. */
export const WAITING_PAGE = 30;

/** The shelf as its list shows it: the first rows, oldest first, with their villagers; how many wait in all. */
export interface WaitingShelf {
  rows: ParcelView[];
  total: number;
}

/**
 * Parcels waiting on the shelf, oldest first (the index's order): only the
 * first `shown` are read and named, the rest counted in the index. A big
 * centre's shelf holds hundreds; the list shows a page of them and reads
 * more on "show more".
 */
export async function waitingParcels(database: CunzhanDb, shown = WAITING_PAGE): Promise<WaitingShelf> {
  const [parcels, total] = await Promise.all([inStatus(database, 'waiting').limit(shown).toArray(), inStatus(database, 'waiting').count()]);
  return { rows: await withCustomers(database, parcels), total };
}

/** The first `shown` waiting parcels and the shelf's count (see waitingParcels). */
export function useWaitingParcels(shown = WAITING_PAGE): WaitingShelf | undefined {
  return useLiveQuery(() => waitingParcels(defaultDb, shown), [shown]);
}

/** Parcels that arrived since `sinceIso`, each status from its own index range: the figures' input. */
export async function recentParcels(database: CunzhanDb, sinceIso: string): Promise<Parcel[]> {
  const parts = await Promise.all([
    inStatus(database, 'waiting', sinceIso).toArray(),
    closedParcelsSince(database, 'collected', sinceIso),
    closedParcelsSince(database, 'returned', sinceIso),
  ]);
  return parts.flat();
}

export function useRecentParcels(sinceIso: string): Parcel[] | undefined {
  return useLiveQuery(() => recentParcels(defaultDb, sinceIso), [sinceIso]);
}

export interface ParcelDetail extends ParcelView {
  order: Order | undefined;
}

/** One parcel with its villager and order; null when unknown here. */
export function useParcel(parcelId: string): ParcelDetail | null | undefined {
  return useLiveQuery(async () => {
    const parcel = await getRow(defaultDb, 'parcels', parcelId);
    if (!parcel) return null;
    const [view] = await withCustomers(defaultDb, [parcel]);
    const order = parcel.orderId ? await getRow(defaultDb, 'orders', parcel.orderId) : undefined;
    return { ...view!, order };
  }, [parcelId]);
}

/** The parcel stored under an id, if any: the duplicate warning while a tracking number is typed. */
export function useParcelByTracking(parcelId: string | null): Parcel | null | undefined {
  return useLiveQuery(async () => (parcelId ? ((await getRow(defaultDb, 'parcels', parcelId)) ?? null) : null), [parcelId]);
}
