import type { ClockReading, CunzhanDb, PendingEnrolment, StoredDevice } from './db';

/** Keys of the `meta` table and the type stored under each. */
export interface MetaValues {
  device: StoredDevice;
  /** Last change-feed position applied (S3). */
  cursor: number;
  /** UTC ISO time of the last sync that pushed and pulled everything. */
  lastSyncAt: string;
  /** Last receipt number handed out on this device. */
  receiptCounter: number;
  /** Outbox entries up to this seq are answered and wait only to be swept (see outbox-queue). */
  outboxAnsweredThrough: number;
  /** The last reading of the server's clock against the tablet's. */
  clock: ClockReading;
  /** An enrolment sent but not yet answered: retried with the same secret (S13). */
  pendingEnrolment: PendingEnrolment;
  /** Wrong PINs per staff id, kept across reloads (auth/pin-attempts.ts). */
  pinMisses: Record<string, PinMisses>;
  /** Idle time before the tablet locks itself, set by an admin in Settings. */
  idleLockMs: number;
  /** The server said this tablet was removed: syncing stops, the queue waits for export. */
  revoked: RevokedState;
  /** Wrong pickup codes typed per parcel id, kept across reloads (commands/parcel-handover.ts). */
  pickupMisses: Record<string, number>;
  /** The history horizon the server's last pull used (data/history-scope.ts). */
  historyOffered: string;
  /** This tablet holds every closed order and parcel that closed after this time. */
  historyComplete: string;
  /** The server holds older closed orders or parcels than this tablet does. */
  olderHistory: boolean;
  /** The day of the horizon the last prune used: once per day and setting. */
  prunedBefore: string;
  /** Where this tablet's fetch of the closed history stands (sync/closed-history.ts). */
  historySnapshot: HistorySnapshot;
}

/** A fresh tablet's fetch of the centre's closed orders and parcels, whole villagers at a time. */
export interface HistorySnapshot {
  /** The feed seq the history stood at: the feed leaves out the closed rows at or before it. */
  upTo: number;
  /** The last villager key written; the next page is asked after it. */
  after?: string;
  done: boolean;
}

/** A run of wrong PINs for one person and when the next try is allowed (epoch ms). */
export interface PinMisses {
  misses: number;
  lockedUntil: number;
}

export interface RevokedState {
  at: string;
  /** The server's error code: device_revoked, or unauthorized for a token it does not know. */
  code: string;
  /** When the unsynced changes were last exported to a file. */
  exportedAt?: string;
}
export type MetaKey = keyof MetaValues;

export async function getMeta<K extends MetaKey>(database: CunzhanDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await database.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(database: CunzhanDb, key: K, value: MetaValues[K]): Promise<void> {
  await database.meta.put({ key, value });
}
