import { Dexie, type PromiseExtended } from 'dexie';
import type { ClosedKey, HistoryPack } from './closed-history';
import type { CunzhanDb } from './db';

/**
 * How many closed rows of a table are in a status, over every pack (`key`
 * is `table/status`). The counts in the `closed` index could only be added
 * up by walking it, thousands of entries for a count on screen, so each
 * write of packs adds what it changed here, in its transaction.
 */
export interface ClosedCount {
  key: string;
  count: number;
}

const countKey = (table: string, status: string) => `${table}/${status}`;

/** Adds to `changes` the difference between a pack's summary before and after. */
export function countChanges(changes: Map<string, number>, before: readonly ClosedKey[], after: readonly ClosedKey[]): void {
  for (const [table, status, , count] of before) changes.set(countKey(table, status), (changes.get(countKey(table, status)) ?? 0) - count);
  for (const [table, status, , count] of after) changes.set(countKey(table, status), (changes.get(countKey(table, status)) ?? 0) + count);
}

export function addToCounts(database: CunzhanDb, changes: ReadonlyMap<string, number>): PromiseExtended<unknown> {
  const keys = [...changes].filter(([, n]) => n !== 0).map(([key]) => key);
  if (keys.length === 0) return Dexie.Promise.resolve();
  return database.historyCounts
    .bulkGet(keys)
    .then((counts) => database.historyCounts.bulkPut(keys.map((key, i) => ({ key, count: (counts[i]?.count ?? 0) + changes.get(key)! }))));
}

/** The counts of a whole set of packs: a tablet's, when its packs are rebuilt at an upgrade. */
export function countsOf(packs: readonly HistoryPack[]): ClosedCount[] {
  const changes = new Map<string, number>();
  for (const pack of packs) countChanges(changes, [], pack.closed);
  return [...changes].map(([key, count]) => ({ key, count }));
}

/** How many closed orders are in a status (see ClosedCount). */
export function closedOrderCount(database: CunzhanDb, status: string): PromiseExtended<number> {
  return database.historyCounts.get(countKey('orders', status)).then((row) => row?.count ?? 0);
}
