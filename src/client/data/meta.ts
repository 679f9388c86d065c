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
}
export type MetaKey = keyof MetaValues;

export async function getMeta<K extends MetaKey>(database: CunzhanDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await database.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(database: CunzhanDb, key: K, value: MetaValues[K]): Promise<void> {
  await database.meta.put({ key, value });
}
