import type { SyncedTables } from '../../../shared/domain/entities';

// Named through the synced tables, so the tablet reads exactly what syncs.
export type Order = SyncedTables['orders'];
export type OrderStatus = Order['status'];
export type OrderHistoryEntry = Order['history'][number];
export type Parcel = SyncedTables['parcels'];
export type Platform = SyncedTables['platforms'];
export type Customer = SyncedTables['customers'];
