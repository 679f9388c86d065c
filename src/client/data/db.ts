import { Dexie, type Table } from 'dexie';
import {
  TABLE_NAMES,
  type AnyRow,
  type Centre,
  type LocalizedName,
  type Product,
  type Review,
  type Sale,
  type Staff,
  type StockMovement,
  type SyncedTables,
  type TableName,
} from '../../shared/domain/entities';
import type { RefusalCode } from '../../shared/domain/refusals';
import type { StaffKeys } from '../../shared/auth/staff-key';
import type { PackCatalogRow, PackChunkRow, PackFileRow, PackRow } from './packs/pack-tables';
import { loadProductSearchKeys, productSearchKeysNow } from './product-search';
import type { HistoryPack } from './closed-history';
import type { ClosedCount } from './closed-history-counts';
import type { StagedPage } from './history-staging';

/** Cached stock level of one product: the sum of its movements and sale lines. */
export interface StockLevel {
  productId: string;
  level: number;
}

/** The row image a mutation saw before it wrote, so a refusal can undo it. */
export interface RowImage {
  /** `table:id`, see `rowKey`. */
  key: string;
  row: AnyRow | null;
}

/** A user action waiting to be pushed. `seq` orders the queue (S2). */
export interface OutboxEntry {
  seq?: number;
  id: string;
  kind: string;
  args: unknown;
  staffId: string;
  deviceId: string;
  centreId: string;
  createdAt: string;
  protocolVersion: number;
  /**
   * Which key of the author signed, and the proof (shared/auth/PROOF.md).
   * Absent on entries queued before proofs: they are signed when their
   * author next signs in, and the push stops before the first unsigned one.
   */
  keyId?: string;
  proof?: string;
  /** Rows this mutation wrote, as `table:id` keys. */
  touched: string[];
  before: RowImage[];
}

/** A translatable line saying what a rollback undid. */
export interface RollbackNote {
  key: string;
  params: Record<string, string | number>;
}

/** What a refused change was, in a shape the screen can describe. */
export interface RefusalSummary {
  receiptNo?: string;
  totalFen?: number;
  productNames?: LocalizedName[];
  qty?: number;
}

/** A change the server refused: shown to staff until dismissed (S5). */
export interface Refusal {
  id: string;
  at: string;
  kind: string;
  code: RefusalCode | string;
  detail?: string;
  staffId: string;
  createdAt: string;
  summary: RefusalSummary;
  rolledBack: RollbackNote[];
}

/** The server's version of a row that a pending mutation has changed locally. */
export interface ShadowRow {
  key: string;
  table: TableName;
  row: AnyRow;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Device record kept in `meta` under `device`. */
export interface StoredDevice {
  deviceId: string;
  /** From the server at enrolment; absent on tablets enrolled before device numbers. */
  deviceNo?: number;
  token: string;
  centre: Centre;
  name: string;
  enrolledAt: string;
}

/**
 * An enrolment on its way, kept in `meta` under `pendingEnrolment` before it
 * is sent: sending the same code again after a cut reuses this secret, so a
 * server that had enrolled the tablet answers with the same device.
 */
export interface PendingEnrolment {
  code: string;
  deviceName: string;
  /** 32 random bytes, base64url: becomes the device token once enrolled. */
  secret: string;
}

/** The last reading of the server's clock, kept in `meta` under `clock`. */
export interface ClockReading {
  /** Server minus tablet, in milliseconds, when the reply arrived. */
  offsetMs: number;
  /** The tablet's clock (UTC ISO) at that moment. */
  readAt: string;
}

/**
 * The signed-in person's keys, kept while the tab's session lasts so a reload
 * does not ask for the PIN again. CryptoKeys survive IndexedDB's structured
 * clone and stay non-extractable. One row at most; cleared on lock.
 */
export interface SessionKeysRow {
  /** The session's id (sessionStorage holds the same). */
  id: string;
  staffId: string;
  keys: StaffKeys;
}

/** A villager's search keys (data/villager-search.ts): local, rebuilt whenever their row is written. */
export interface CustomerSearchRow {
  /** The customer's id. */
  id: string;
  keys: string[];
}

/** A product's search keys (data/product-search.ts): local, rebuilt whenever its row is written. */
export interface ProductSearchRow {
  /** The product's id. */
  id: string;
  keys: string[];
}

export const DEFAULT_DB_NAME = 'cunzhan';

export function rowKey(table: TableName, id: string): string {
  return `${table}:${id}`;
}

export function parseRowKey(key: string): { table: TableName; id: string } {
  const at = key.indexOf(':');
  return { table: key.slice(0, at) as TableName, id: key.slice(at + 1) };
}

/**
 * Every table and index as of version 9, the last version with an upgrade
 * function. Versions 1 to 8 declared it in steps; a tablet still at one of
 * them is upgraded straight to this.
 */
const SCHEMA_AT_9: Readonly<Record<string, string>> = {
  products: 'id, sku, barcode, updatedAt',
  movements: 'id, productId, createdAt, [productId+createdAt]',
  // Only the createdAt index the sales list reads (dropped in version 2: createdBy and
  // productIds): the staff filter runs in memory within a day's range, and each index
  // entry is written for every pulled sale, which made a first sync markedly slower.
  sales: 'id, createdAt',
  staff: 'id',
  stockLevels: 'productId',
  outbox: '++seq, &id, *touched',
  refusals: 'id, at',
  shadow: 'key',
  meta: 'key',
  // Reviews sync from the server (flagged changes for an admin); session keys hold
  // the signed-in person's CryptoKeys for the tab's session.
  reviews: 'id, createdAt',
  sessionKeys: 'id',
  // Villagers are looked up by phone and village (the duplicate warning) and by whom
  // they were merged into; `customerSearch` is local only: its multi-entry `keys` index
  // is how search finds a villager without scanning them all.
  customers: 'id, updatedAt, phone, village, mergedInto',
  platforms: 'id',
  // A first sync writes tens of thousands of orders and parcels, an index entry per
  // row for each index: orders are sorted by createdAt in memory and a parcel is found
  // by its id (made from its tracking number), so those two indexes went in version 8.
  orders: 'id, customerId, status, updatedAt',
  parcels: 'id, customerId, [status+arrivedAt], orderId',
  pickupCodes: 'id, parcelId',
  customerSearch: 'id, *keys',
  settings: 'id',
  // Course packs for training, local only (never synced): the packs held, their media
  // files by sha256 (shared between versions and packs), each file's bytes in chunks
  // saved as they arrive (a cut download resumes from them), and the county's list.
  packs: 'id',
  packFiles: 'sha256',
  packChunks: '[sha256+index]',
  packCatalog: 'id',
  // The counter's money: villagers' credit ledger, repayments, refunds (with what each
  // sale has had refunded) and each staff member's till per day.
  creditEntries: 'id, customerId',
  repayments: 'id, customerId, createdAt',
  refunds: 'id, saleId, createdAt',
  refundTotals: 'id',
  tills: 'id, day, [staffId+day]',
  // Products' search keys (data/product-search.ts), local only like villagers': pinyin
  // and initials find 矿泉水 by `kqs` or `shui`.
  productSearch: 'id, *keys',
};

/** What versions 10 and 11 added; nothing existing changed, so neither has an upgrade function. */
const SCHEMA_ADDED_AFTER_9: Readonly<Record<string, string>> = {
  // Trainer sessions, who attended them and each villager's quiz answers.
  trainingSessions: 'id, packId, createdAt',
  attendances: 'id, sessionId, customerId',
  quizAnswers: 'id, sessionId, customerId',
  // A centre's adaptations of pack lessons (one per lesson, found by pack and lesson)
  // and the photos they show, by id.
  lessonVariants: 'id, [packId+lessonId]',
  variantPhotos: 'id',
};

/**
 * What version 12 changed: closed orders and parcels packed by villager
 * (closed-history.ts), and a large pull's orders and parcels held until it
 * ends (history-staging.ts). Its upgrade packs the closed rows a tablet holds.
 */
const SCHEMA_ADDED_AT_12: Readonly<Record<string, string>> = {
  // Orders by `updatedAt` served only pruning, which now reads the packs: the index went.
  orders: 'id, customerId, status',
  // An index entry per row for each status and each parcel's order (version 13 sums them up).
  historyPacks: 'id, *orderIds, *parcelIds, *parcelOrderIds, *orderStatus, *parcelStatus',
  historyStaging: '++seq',
};

/**
 * What version 13 changed: the packs sum up each status they hold in one
 * index entry rather than one per row, name their parcels' orders among
 * their orders, and the closed rows are counted by status as packs change
 * (closed-history.ts). Its upgrade rebuilds every pack's keys and the counts.
 */
const SCHEMA_CHANGED_AT_13: Readonly<Record<string, string>> = {
  // A villager's pack by id, the rows it names, its statuses summed up and its oldest close.
  historyPacks: 'id, *orderIds, *parcelIds, *closed, oldestClosed',
  // Closed rows counted by `table/status`.
  historyCounts: 'key',
};

/**
 * The packing of closed history, for the upgrades from versions 12 and 13
 * only: a tablet already upgraded never loads it as it starts. Dexie.waitFor
 * keeps the upgrade open while it is fetched (from the service worker's
 * cache, which holds every file of the version that brought the upgrade).
 */
const loadClosedHistory = () => import('./closed-history');

/**
 * The tablet's database. Its schema is declared whole (SCHEMA_AT_9 and
 * SCHEMA_ADDED_AFTER_9), not as the chain of every version that shipped:
 * Dexie parses each declared version as the app starts, which on a slow
 * tablet cost tens of milliseconds of every start, and it upgrades a tablet
 * at any older version by comparing the schema the tablet really has with
 * the next declared one. Only a version with an upgrade function has to stay
 * declared (version 9). To change the schema, add `this.version(n + 1)` with
 * what changes (and its upgrade, if rows must change), and a test that opens
 * the shipped versions with data (tests/unit/support/shipped-db.ts,
 * tests/unit/db-upgrade.test.ts).
 */
export class CunzhanDb extends Dexie {
  products!: Table<Product, string>;
  movements!: Table<StockMovement, string>;
  sales!: Table<Sale, string>;
  staff!: Table<Staff, string>;
  stockLevels!: Table<StockLevel, string>;
  outbox!: Table<OutboxEntry, number>;
  refusals!: Table<Refusal, string>;
  shadow!: Table<ShadowRow, string>;
  meta!: Table<MetaRow, string>;
  reviews!: Table<Review, string>;
  sessionKeys!: Table<SessionKeysRow, string>;
  customers!: Table<SyncedTables['customers'], string>;
  platforms!: Table<SyncedTables['platforms'], string>;
  orders!: Table<SyncedTables['orders'], string>;
  parcels!: Table<SyncedTables['parcels'], string>;
  pickupCodes!: Table<SyncedTables['pickupCodes'], string>;
  customerSearch!: Table<CustomerSearchRow, string>;
  productSearch!: Table<ProductSearchRow, string>;
  settings!: Table<SyncedTables['settings'], string>;
  creditEntries!: Table<SyncedTables['creditEntries'], string>;
  repayments!: Table<SyncedTables['repayments'], string>;
  refunds!: Table<SyncedTables['refunds'], string>;
  refundTotals!: Table<SyncedTables['refundTotals'], string>;
  tills!: Table<SyncedTables['tills'], string>;
  trainingSessions!: Table<SyncedTables['trainingSessions'], string>;
  attendances!: Table<SyncedTables['attendances'], string>;
  quizAnswers!: Table<SyncedTables['quizAnswers'], string>;
  lessonVariants!: Table<SyncedTables['lessonVariants'], string>;
  variantPhotos!: Table<SyncedTables['variantPhotos'], string>;
  packs!: Table<PackRow, string>;
  packFiles!: Table<PackFileRow, string>;
  packChunks!: Table<PackChunkRow, [string, number]>;
  packCatalog!: Table<PackCatalogRow, string>;
  historyPacks!: Table<HistoryPack, string>;
  historyCounts!: Table<ClosedCount, string>;
  historyStaging!: Table<StagedPage, number>;

  constructor(name: string = DEFAULT_DB_NAME) {
    // Chromium commits with relaxed durability by default: a sale the screen called saved
    // could vanish if the tablet lost power a moment later. Strict flushes each commit.
    super(name, { chromeTransactionDurability: 'strict' });
    // Products already held are keyed for search when a tablet reaches version 9.
    // pinyin-pro is waited for (Dexie.waitFor keeps the upgrade open), and without it
    // (chunk missing) they are keyed without pinyin.
    this.version(9)
      .stores(SCHEMA_AT_9)
      .upgrade(async (tx) => {
        const builder = await Dexie.waitFor(loadProductSearchKeys()).catch(() => productSearchKeysNow());
        const products = (await tx.table('products').toArray()) as Product[];
        await tx.table('productSearch').bulkPut(products.map((p): ProductSearchRow => ({ id: p.id, keys: builder.keysOf(p) })));
      });
    this.version(11).stores(SCHEMA_ADDED_AFTER_9);
    this.version(12)
      .stores(SCHEMA_ADDED_AT_12)
      .upgrade(async (tx) => {
        const { isClosedRow, packsFor } = await Dexie.waitFor(loadClosedHistory());
        const [orders, parcels] = await Promise.all([tx.table('orders').toArray(), tx.table('parcels').toArray()]);
        const closed = { orders: orders.filter((o) => isClosedRow('orders', o)), parcels: parcels.filter((p) => isClosedRow('parcels', p)) };
        await tx.table('historyPacks').bulkPut(packsFor(closed));
        await tx.table('orders').bulkDelete(closed.orders.map((o) => o.id));
        await tx.table('parcels').bulkDelete(closed.parcels.map((p) => p.id));
      });
    this.version(13)
      .stores(SCHEMA_CHANGED_AT_13)
      .upgrade(async (tx) => {
        const [{ indexed }, { countsOf }] = await Dexie.waitFor(Promise.all([loadClosedHistory(), import('./closed-history-counts')]));
        const packs = ((await tx.table('historyPacks').toArray()) as HistoryPack[]).map(indexed);
        await tx.table('historyPacks').bulkPut(packs);
        await tx.table('historyCounts').bulkPut(countsOf(packs));
      });
  }

  /** The synced table of a name, for code that works over every table. */
  synced<T extends TableName>(table: T): Table<SyncedTables[T], string> {
    return this.table(table);
  }

  /**
   * Every synced table, with the local tables derived from them (stock
   * levels, villager and product search keys, closed history's packs with
   * their counts, and a pull's staged rows): what a transaction that writes synced
   * rows must hold. One list, so a new table cannot be left out of one path.
   */
  syncedWithDerived(): Table[] {
    return [
      ...TABLE_NAMES.map((name) => this.table(name)),
      this.stockLevels,
      this.customerSearch,
      this.productSearch,
      this.historyPacks,
      this.historyCounts,
      this.historyStaging,
    ];
  }
}

export const db = new CunzhanDb();
