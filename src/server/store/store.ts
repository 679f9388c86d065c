import { INSERT_ONLY_TABLES, type AnyRow, type Centre, type SyncedTables, type TableName } from '../../shared/domain/entities';
import type { MutationResult } from '../../shared/protocol/messages';
import type { RowChange, RowKey } from '../../shared/mutations/types';
import type { PackStore } from '../packs/pack-store';
import type { VariantStore } from '../variants/variant-store';
import type { CountyStore } from './county-store';

/** An enrolled tablet. Only the sha256 of its token is ever stored. */
export interface Device {
  id: string;
  centreId: string;
  /** 1, 2, 3… in enrolment order within its centre, never reused: the tablet's receipt prefix. */
  deviceNo: number;
  name: string;
  tokenHash: string;
  enrolledAt: string;
  revokedAt: string | null;
  /** What the tablet told on its last push or pull (null: never told). */
  lastSyncAt: string | null;
  appVersion: string | null;
  /** Changes it still held, not yet pushed. */
  pendingCount: number | null;
}

/** What a push or pull tells about the tablet (X-Cunzhan-App-Version, X-Cunzhan-Pending). */
export interface DeviceSyncReport {
  at: string;
  appVersion?: string | undefined;
  pendingCount?: number | undefined;
}

/** A staff secret the server keeps (never synced): base64 of its 32 bytes. */
export interface StoredStaffKey {
  staffId: string;
  keyId: string;
  secret: string;
  createdAt: string;
}

/** A device about to be enrolled; its centre comes from the code, its number from the centre. */
export type NewDevice = Pick<Device, 'id' | 'name' | 'tokenHash' | 'enrolledAt'>;

export interface NewEnrolCode {
  codeHash: string;
  centreId: string;
  expiresAt: string;
  createdAt: string;
}

/**
 * `repeat`: the code was already redeemed with this same token hash, so the
 * device enrolled then is returned (an answer lost to a cut, asked again).
 * `secretTaken`: another code already enrolled a device with this token hash.
 */
export type RedeemOutcome =
  | { ok: true; centre: Centre; deviceId: string; deviceNo: number; repeat: boolean }
  | { ok: false; reason: 'invalid' | 'expired' | 'used' | 'secretTaken' };

/** One row of the change feed, its JSON kept as stored so a pull need not re-encode it. */
export interface FeedRow {
  table: TableName;
  seq: number;
  json: string;
}

export interface FeedPage {
  rows: FeedRow[];
  /** The last seq scanned (`after` when none): rows left out of `rows` are passed too. */
  cursor: number;
  hasMore: boolean;
  /** Rows scanned but left out as older history (PullScope.closedBefore). */
  olderLeftOut: number;
}

/** What a pull leaves out for the tablet asking. */
export interface PullScope {
  /** Rows that closed before this time (shared/domain/history-scope.ts) stay on the server. */
  closedBefore?: string;
  /** Tables the tablet's protocol does not know yet. */
  hiddenTables?: readonly TableName[];
  /**
   * The `upTo` of the closed history the tablet fetched (closedHistory):
   * closed orders and parcels at or before this seq are already on it.
   */
  closedUpTo?: number | undefined;
}

/** Which page of a centre's closed history (Store.closedHistory). */
export interface HistoryQuery {
  /** The snapshot: rows written after this seq come by the feed instead. */
  upTo: number;
  /** The villager key the page starts after (absent: from the first, '' included). */
  after?: string | undefined;
  /** Rows to read, about: the last villager is always finished. */
  limit: number;
  /** Rows that closed before this time stay on the server, as in a pull. */
  closedBefore?: string | undefined;
}

/** A page of the closed history: whole villagers, in the order of their keys. */
export interface HistoryPage {
  rows: FeedRow[];
  /** The page's last villager key; absent when the page is empty. */
  after?: string;
  hasMore: boolean;
}

/**
 * Insert-only tables, whose rows a pull leaves out for the device that wrote
 * them: its own decide made the very same row (same args, same createdAt).
 * Products and staff always go out: the server's result of an edit may
 * differ from the tablet's optimistic one.
 */
export const OWN_ROWS_OMITTED: readonly TableName[] = INSERT_ONLY_TABLES;

export interface AppliedRecord {
  id: string;
  deviceId: string;
  kind: string;
  result: MutationResult;
}

/**
 * What the push handler may do inside one centre's write transaction. The
 * store serialises writers of a centre for the transaction's whole life, so
 * what is read here cannot change before commit.
 */
export interface CentreTx {
  /** Stored results of mutations of this centre already applied, by id. */
  appliedResults(ids: readonly string[]): Promise<Map<string, MutationResult>>;
  /** Rows of this centre only; missing keys are simply absent. Keyed `table/id`. */
  loadRows(keys: readonly RowKey[]): Promise<Map<string, AnyRow>>;
  /**
   * Upserts rows; each gets a fresh, gap-free seq of this centre, in the given
   * order. `origin` is the device whose mutations wrote them (none: the server).
   * Each also records the server's clock as its `received_at`: the device's
   * own times stay in the row as the device set them.
   */
  writeRows(changes: readonly RowChange[], origin?: string): Promise<void>;
  recordResults(records: readonly AppliedRecord[], appliedAt: string): Promise<void>;
  /** Every row of this centre in `table`: for small tables only (staff). */
  loadTable<T extends TableName>(table: T): Promise<SyncedTables[T][]>;
  /** Every stored key of these staff members of this centre. */
  staffKeys(staffIds: readonly string[]): Promise<StoredStaffKey[]>;
  /** Stores new staff secrets of this centre; a key id already stored for that staff member fails. */
  addStaffKeys(keys: readonly StoredStaffKey[]): Promise<void>;
  /** Store.recordDeviceSync inside this transaction: a push records it with no commit of its own. */
  recordDeviceSync(deviceId: string, report: DeviceSyncReport): Promise<void>;
  /**
   * Runs `work` inside a SAVEPOINT: if it throws, what it wrote is undone and
   * the error rethrown, and the transaction goes on (TransactionLost when the
   * store ended it instead).
   */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
}

export function rowKey(table: TableName, id: string): string {
  return `${table}/${id}`;
}

/**
 * Everything the server keeps. SQLite and PostgreSQL implement it and both
 * run the same behaviour suite. Every read and write of synced rows is scoped
 * to one centre: no method takes rows across centres.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** The county admin area's accounts, sessions and views (county-store.ts). */
  readonly county: CountyStore;
  /** Course packs and their media files (packs/pack-store.ts). */
  readonly packs: PackStore;
  /** Centres' lesson variants as the county reads them, and their promotions (variants/variant-store.ts). */
  readonly variants: VariantStore;
  /** Runs pending versioned migrations. Safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  createCentre(centre: Centre): Promise<void>;
  getCentre(id: string): Promise<Centre | undefined>;
  listCentres(): Promise<Centre[]>;

  /**
   * Atomically checks the code, marks it used and enrols the device with the
   * centre's next device number (concurrent enrolments never share one). A
   * code used by a device with `device.tokenHash` returns that device again,
   * even after the code's expiry: expiry counts at the first redemption.
   */
  redeemEnrolCode(codeHash: string, now: string, device: NewDevice): Promise<RedeemOutcome>;
  createEnrolCode(code: NewEnrolCode): Promise<void>;
  /** The latest expiry among unused, unexpired codes of the centre, if any. */
  usableEnrolCodeUntil(centreId: string, now: string): Promise<string | undefined>;

  /** An active (not revoked) device holding this token hash. */
  findActiveDevice(tokenHash: string): Promise<Device | undefined>;
  /** The device holding this token hash, revoked or not: a revoked tablet is told so. */
  findDeviceByToken(tokenHash: string): Promise<Device | undefined>;
  getDevice(id: string): Promise<Device | undefined>;
  /** Records a push or pull of the device (its last sync, app version, pending changes). */
  recordDeviceSync(id: string, report: DeviceSyncReport): Promise<void>;
  listDevices(centreId?: string): Promise<Device[]>;
  /** Returns false when no such device exists. */
  revokeDevice(id: string, at: string): Promise<boolean>;

  /** Runs `work` in one transaction holding the centre's write lock; rolls back if it throws. */
  inCentreTx<T>(centreId: string, work: (tx: CentreTx) => Promise<T>): Promise<T>;
  /**
   * The compacted change feed: latest version of each row with seq > after,
   * by seq, scanning at most `limit` rows and ending once the rows pass
   * LIMITS.pageMaxBytes (at least one row). Rows are read a few at a time.
   * For `device`, its own rows of OWN_ROWS_OMITTED tables are scanned (the
   * cursor passes them) but not sent; so are the rows `scope` leaves out.
   */
  pull(centreId: string, after: number, limit: number, device?: string, scope?: PullScope): Promise<FeedPage>;
  /**
   * The centre's closed orders and parcels with seq at most `upTo`, grouped
   * by villager key (customerId, '' for none) in key order, whole villagers
   * a page: past `limit` rows the last villager is finished, and the page
   * ends before the villager that would take it past LIMITS.pageMaxBytes
   * (the first one goes whole, whatever its size).
   */
  closedHistory(centreId: string, query: HistoryQuery): Promise<HistoryPage>;
  /** One row of the centre, outside any write transaction (the centre's settings). */
  readRow<T extends TableName>(centreId: string, table: T, id: string): Promise<SyncedTables[T] | undefined>;
  /** The newest seq of the centre (0 when none). */
  lastSeq(centreId: string): Promise<number>;
}
