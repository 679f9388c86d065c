import { useLiveQuery } from 'dexie-react-hooks';
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

function inStatus(database: CunzhanDb, status: Parcel['status'], since = '') {
  return database.parcels.where('[status+arrivedAt]').between([status, since], [status, '\uffff']);
}

/** Waiting parcels the list shows at first, and how many more each "show more" adds. */
export const WAITING_PAGE = 30;

export interface WaitingParcel extends ParcelView {
  /** Whether `customer` was looked up: only for the rows the list shows. */
  named: boolean;
}

/**
 * Parcels waiting on the shelf, oldest first (the index's order), with the
 * villagers of the first `named` of them. A villager is one IndexedDB read
 * each, so a shelf of hundreds is not named at once: the list shows its
 * first page and names more as it shows them.
 */
export async function waitingParcels(database: CunzhanDb, named = WAITING_PAGE): Promise<WaitingParcel[]> {
  const parcels = await inStatus(database, 'waiting').toArray();
  const views = await withCustomers(database, parcels.slice(0, named));
  return parcels.map((parcel, i) => (i < views.length ? { ...views[i]!, named: true } : { parcel, customer: undefined, named: false }));
}

/** The waiting parcels with the first `named` of them named (see waitingParcels). */
export function useWaitingParcels(named = WAITING_PAGE): WaitingParcel[] | undefined {
  return useLiveQuery(() => waitingParcels(defaultDb, named), [named]);
}

/** Parcels of the last `days` days, each status from its own index range: the figures' input. */
export async function recentParcels(database: CunzhanDb, sinceIso: string): Promise<Parcel[]> {
  const parts = await Promise.all((['waiting', 'collected', 'returned'] as const).map((s) => inStatus(database, s, sinceIso).toArray()));
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
    const parcel = await defaultDb.parcels.get(parcelId);
    if (!parcel) return null;
    const [view] = await withCustomers(defaultDb, [parcel]);
    const order = parcel.orderId ? await defaultDb.orders.get(parcel.orderId) : undefined;
    return { ...view!, order };
  }, [parcelId]);
}

/** The parcel stored under an id, if any: the duplicate warning while a tracking number is typed. */
export function useParcelByTracking(parcelId: string | null): Parcel | null | undefined {
  return useLiveQuery(async () => (parcelId ? ((await defaultDb.parcels.get(parcelId)) ?? null) : null), [parcelId]);
}
