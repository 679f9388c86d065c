import { Dexie } from 'dexie';

/**
 * The local database's schema as each version shipped, version 1 first; each
 * entry holds only what that version changed. An upgrade test writes data
 * the old way and opens it with the current CunzhanDb.
 */
const SHIPPED_STORES: readonly Record<string, string>[] = [
  {
    products: 'id, sku, barcode, updatedAt',
    movements: 'id, productId, createdAt, [productId+createdAt]',
    sales: 'id, createdAt, createdBy, *productIds',
    staff: 'id',
    stockLevels: 'productId',
    outbox: '++seq, &id, *touched',
    refusals: 'id, at',
    shadow: 'key',
    meta: 'key',
  },
  { sales: 'id, createdAt' },
  { reviews: 'id, createdAt', sessionKeys: 'id' },
  {
    customers: 'id, updatedAt, phone, village, mergedInto',
    platforms: 'id',
    orders: 'id, customerId, status, createdAt, updatedAt',
    parcels: 'id, customerId, [status+arrivedAt], trackingNo, orderId',
    pickupCodes: 'id, parcelId',
    customerSearch: 'id, *keys',
  },
  { settings: 'id' },
  { packs: 'id', packFiles: 'sha256', packChunks: '[sha256+index]', packCatalog: 'id' },
  {
    creditEntries: 'id, customerId',
    repayments: 'id, customerId, createdAt',
    refunds: 'id, saleId, createdAt',
    refundTotals: 'id',
    tills: 'id, day, [staffId+day]',
  },
  {
    orders: 'id, customerId, status, updatedAt',
    parcels: 'id, customerId, [status+arrivedAt], orderId',
  },
  { productSearch: 'id, *keys' },
  {
    trainingSessions: 'id, packId, createdAt',
    attendances: 'id, sessionId, customerId',
    quizAnswers: 'id, sessionId, customerId',
  },
  { lessonVariants: 'id, [packId+lessonId]', variantPhotos: 'id' },
  {
    orders: 'id, customerId, status',
    historyPacks: 'id, *orderIds, *parcelIds, *parcelOrderIds, *orderStatus, *parcelStatus',
    historyStaging: '++seq',
  },
  { historyPacks: 'id, *orderIds, *parcelIds, *closed, oldestClosed', historyCounts: 'key' },
];

/** The newest version that shipped. */
export const LAST_SHIPPED_VERSION = SHIPPED_STORES.length;

/**
 * The database `name` with versions 1 to `version` exactly as they shipped: a
 * tablet not yet updated. Version 9's upgrade (search keys for products held)
 * is not replayed here: its own test opens version 8 with the current database.
 */
export function openShippedVersion(name: string, version: number): Dexie {
  if (version < 1 || version > SHIPPED_STORES.length) throw new Error(`no shipped schema for version ${version}`);
  const old = new Dexie(name);
  SHIPPED_STORES.slice(0, version).forEach((stores, i) => old.version(i + 1).stores(stores));
  return old;
}
