import { Dexie, type PromiseExtended } from 'dexie';
import type { AnyRow, TableName } from '../../shared/domain/entities';
import { allRows, deleteRows, getRows, isPacked, putRows, type PackedRows } from './closed-history';
import type { CunzhanDb } from './db';

/**
 * Reads and writes of synced rows for code that works over every table
 * (commands, the pull, a push's answer): closed orders and parcels live in
 * packs (closed-history.ts), every other row is a record of its table. In
 * the caller's transaction, which must hold `syncedWithDerived()`. Each
 * returns Dexie's promise, so a transaction's later work stays in it (see
 * closed-history.ts).
 */

export function getSyncedRows(database: CunzhanDb, table: TableName, ids: readonly string[]): PromiseExtended<(AnyRow | undefined)[]> {
  if (isPacked(table)) return getRows(database, table, ids);
  return database.synced(table).bulkGet([...ids]);
}

export function getSyncedRow(database: CunzhanDb, table: TableName, id: string): PromiseExtended<AnyRow | undefined> {
  return getSyncedRows(database, table, [id]).then((rows) => rows[0]);
}

export function putSyncedRows(database: CunzhanDb, table: TableName, rows: readonly AnyRow[]): PromiseExtended<unknown> {
  if (isPacked(table)) return putRows(database, { [table]: rows });
  return database.synced(table).bulkPut([...rows] as never[]);
}

export function deleteSyncedRows(database: CunzhanDb, table: TableName, ids: readonly string[]): PromiseExtended<void> {
  if (isPacked(table)) return deleteRows(database, table, ids);
  return database.synced(table).bulkDelete([...ids]);
}

/**
 * A command's changed rows, each table's sent at once: orders and parcels
 * together (a parcel's handover closes its order too, in one villager's pack).
 */
export function putChangedRows(database: CunzhanDb, changes: readonly { table: TableName; row: AnyRow }[]): PromiseExtended<unknown> {
  const packed: PackedRows = {};
  const writes: PromiseExtended<unknown>[] = [];
  for (const { table, row } of changes) {
    if (isPacked(table)) packed[table] = [...(packed[table] ?? []), row];
    else writes.push(database.synced(table).put(row as never));
  }
  writes.push(putRows(database, packed));
  return Dexie.Promise.all(writes);
}

/** Every row of a table: for checks over a whole table (an export, a test), never for a screen. */
export function allSyncedRows(database: CunzhanDb, table: TableName): PromiseExtended<AnyRow[]> {
  if (isPacked(table)) return allRows(database, table);
  return database.synced(table).toArray();
}
