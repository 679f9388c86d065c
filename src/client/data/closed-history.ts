import { Dexie, type PromiseExtended } from 'dexie';
import type { AnyRow, TableName } from '../../shared/domain/entities';
import { beforeHorizon, closedAt, historyKeyOf } from '../../shared/domain/history-scope';
import type { Order } from '../../shared/domain/orders';
import type { Parcel } from '../../shared/domain/parcels';
import { addToCounts, countChanges } from './closed-history-counts';
import type { CunzhanDb } from './db';

/**
 * Closed orders and parcels, packed by villager. A centre's history is tens
 * of thousands of closed rows, and IndexedDB's cost is mostly per record: a
 * fresh tablet writing 75,000 rows one record each kept the browser's
 * storage busy for 36–44 CPU-seconds, the same rows packed a villager to a
 * record for about half that. Open rows (what the lists, the status machine and the shelf work
 * on) stay one per record in `orders` and `parcels`; a row lives in exactly
 * one place, and every write goes through `putRows` here, which moves it to
 * where its status says. The packs' multi-entry indexes name each row they
 * hold, so a closed order is still found by id without reading every pack,
 * and sum up each status a pack holds in one entry (ClosedKey), so a status
 * is counted and listed newest first without an index entry per row: each
 * entry costs the browser's storage about as much as a small record, and a
 * fresh tablet's history is tens of thousands of rows. Reads by status are
 * in closed-history-status.ts, the counts by status in closed-history-counts.ts.
 */

/** The tables whose closed rows are packed. */
export type PackedTable = 'orders' | 'parcels';
export const PACKED_TABLES: readonly PackedTable[] = ['orders', 'parcels'];

export function isPacked(table: TableName): table is PackedTable {
  return table === 'orders' || table === 'parcels';
}

type PackedRow<T extends PackedTable> = T extends 'orders' ? Order : Parcel;

/**
 * One status of one table in a pack, summed up: the newest row's time (an
 * order's `updatedAt`, a parcel's `arrivedAt`) and how many rows. A
 * status's entries in index order are its packs by their newest row.
 */
export type ClosedKey = [table: PackedTable, status: string, newest: string, count: number];

/** One villager's closed orders and parcels, with their index keys. */
export interface HistoryPack {
  /** The villager the rows carry (their `customerId`); '' for parcels never matched to one. */
  id: string;
  orders: Order[];
  parcels: Parcel[];
  // Index keys, rebuilt from the rows at every write (see indexed).
  /** The orders the pack names: its own, and those of its parcels (an order's parcels are found by it). */
  orderIds: string[];
  parcelIds: string[];
  /** One entry per table and status the pack holds. */
  closed: ClosedKey[];
  /** When the pack's oldest row closed: what pruning looks for. */
  oldestClosed: string;
}

/** The multi-entry index naming each row of a table by id. */
const ID_INDEX: Record<PackedTable, 'orderIds' | 'parcelIds'> = { orders: 'orderIds', parcels: 'parcelIds' };

/** True when a row of a packed table belongs in a pack: an order collected, cancelled or returned, a parcel collected or returned. */
export function isClosedRow(table: PackedTable, row: AnyRow): boolean {
  return closedAt(table, row) !== null;
}

function emptyPack(id: string): HistoryPack {
  return { id, orders: [], parcels: [], orderIds: [], parcelIds: [], closed: [], oldestClosed: '' };
}

/** Adds a closed row to its villager's pack among `packs`, making the pack if there is none; returns the pack's id. */
function addToPack(packs: Map<string, HistoryPack>, table: PackedTable, row: AnyRow): string {
  const id = historyKeyOf(row);
  let pack = packs.get(id);
  if (!pack) packs.set(id, (pack = emptyPack(id)));
  rowsIn(pack, table).push(row as never);
  return id;
}

/** The pack with its index keys rebuilt from its rows, and nothing else: an older version's keys are dropped. */
export function indexed(pack: Pick<HistoryPack, 'id' | 'orders' | 'parcels'>): HistoryPack {
  const parcelOrders = pack.parcels.flatMap((p) => (p.orderId ? [p.orderId] : []));
  const closes = [...pack.orders.map((o) => closedAt('orders', o)), ...pack.parcels.map((p) => closedAt('parcels', p))];
  return {
    id: pack.id,
    orders: pack.orders,
    parcels: pack.parcels,
    orderIds: [...new Set([...pack.orders.map((o) => o.id), ...parcelOrders])],
    parcelIds: pack.parcels.map((p) => p.id),
    closed: [...summed('orders', pack.orders, (o) => o.updatedAt), ...summed('parcels', pack.parcels, (p) => p.arrivedAt)],
    oldestClosed: closes.reduce<string>((oldest, at) => (at !== null && at < oldest ? at : oldest), '\uffff'),
  };
}

/** A table's rows summed up by status: one ClosedKey each. */
function summed<T extends PackedTable>(table: T, rows: readonly PackedRow<T>[], timeOf: (row: PackedRow<T>) => string): ClosedKey[] {
  const byStatus = new Map<string, ClosedKey>();
  for (const row of rows) {
    const time = timeOf(row);
    const key = byStatus.get(row.status);
    if (!key) byStatus.set(row.status, [table, row.status, time, 1]);
    else {
      if (time > key[2]) key[2] = time;
      key[3] += 1;
    }
  }
  return [...byStatus.values()];
}

function rowsIn<T extends PackedTable>(pack: HistoryPack, table: T): PackedRow<T>[] {
  return (table === 'orders' ? pack.orders : pack.parcels) as PackedRow<T>[];
}

/**
 * Every function here that reads or writes returns Dexie's own promise,
 * chained with `.then`, never a native one from an `async` function: inside
 * a transaction (or a live query), Dexie follows the caller's work across
 * its own promises only. Awaiting a native promise from a chain of async
 * helpers lost the transaction, and the caller's next write committed on
 * its own.
 */

/** The packs holding any of `ids` of a table, by the id of each row they hold. */
function packsHolding(database: CunzhanDb, table: PackedTable, ids: readonly string[]): PromiseExtended<Map<string, HistoryPack>> {
  const wanted = new Set(ids);
  if (wanted.size === 0) return Dexie.Promise.resolve(new Map<string, HistoryPack>());
  return database.historyPacks
    .where(ID_INDEX[table])
    .anyOf([...wanted])
    .toArray()
    .then((packs) => {
      const held = new Map<string, HistoryPack>();
      for (const pack of packs) for (const row of rowsIn(pack, table)) if (wanted.has(row.id)) held.set(row.id, pack);
      return held;
    });
}

/**
 * Rows of a packed table by id, from wherever each lives (undefined where
 * none): the open ones in one bulk read, the rest from their packs.
 */
export function getRows<T extends PackedTable>(database: CunzhanDb, table: T, ids: readonly string[]): PromiseExtended<(PackedRow<T> | undefined)[]> {
  return (database.synced(table).bulkGet([...ids]) as PromiseExtended<(PackedRow<T> | undefined)[]>).then((open) => {
    const missing = ids.filter((_, i) => open[i] === undefined);
    if (missing.length === 0) return open;
    return packedRows(database, table, missing).then((packed) => ids.map((id, i) => open[i] ?? packed.get(id)));
  });
}

/** Closed rows by id, from their packs alone. */
function packedRows<T extends PackedTable>(database: CunzhanDb, table: T, ids: readonly string[]): PromiseExtended<Map<string, PackedRow<T>>> {
  return packsHolding(database, table, ids).then((packs) => {
    const rows = new Map<string, PackedRow<T>>();
    for (const [id, pack] of packs) {
      const row = rowsIn(pack, table).find((r) => r.id === id);
      if (row) rows.set(id, row);
    }
    return rows;
  });
}

/** One row of a packed table by id, wherever it lives. */
export function getRow<T extends PackedTable>(database: CunzhanDb, table: T, id: string): PromiseExtended<PackedRow<T> | undefined> {
  return getRows(database, table, [id]).then((rows) => rows[0]);
}

/** Rows of the packed tables to write together. */
export type PackedRows = { [T in PackedTable]?: readonly AnyRow[] };

/**
 * Writes rows of the packed tables where their status puts them: open ones
 * as records of their table, closed ones into their villager's pack, each
 * taken out of the place it was before. Both tables' rows go in one call, so
 * a villager's pack is read and written once. In the caller's transaction
 * when there is one (it must hold both tables and `historyPacks`).
 */
export function putRows(database: CunzhanDb, rows: PackedRows): PromiseExtended<void> {
  if (PACKED_TABLES.every((table) => (rows[table]?.length ?? 0) === 0)) return Dexie.Promise.resolve();
  return inTransaction(database, () => {
    const latest = PACKED_TABLES.map((table) => ({ table, rows: new Map((rows[table] ?? []).map((r) => [r.id, r] as const)) }));
    return placeOf(database, latest).then((placed) => writePacked(database, latest, placed));
  });
}

/**
 * Runs `work` in the caller's transaction, or in one of its own over the
 * packed tables and the packs when there is none. Not a nested transaction:
 * with one, the caller's transaction was found committed at its next write.
 */
function inTransaction<T>(database: CunzhanDb, work: () => PromiseExtended<T>): PromiseExtended<T> {
  if (Dexie.currentTransaction) return work();
  return database.transaction('rw', [database.orders, database.parcels, database.historyPacks, database.historyCounts], work);
}

type LatestRows = readonly { table: PackedTable; rows: ReadonlyMap<string, AnyRow> }[];

/** Where the rows a write names are now: the packs that may change, and the ids held as open records, per table. */
interface Placed {
  packs: Map<string, HistoryPack>;
  records: Record<PackedTable, Set<string>>;
}

/** Past this many rows, which of them are records is read from the table's keys in one request. */
const MANY_ROWS = 200;

/** The ids among `ids` held as records of a table (open rows). */
function recordsAmong(database: CunzhanDb, table: PackedTable, ids: readonly string[]): PromiseExtended<Set<string>> {
  if (ids.length === 0) return Dexie.Promise.resolve(new Set<string>());
  const store = database.synced(table);
  // A pull's fold writes tens of thousands of rows, nearly none of them records: one read of the (few) open rows' keys.
  const keys: PromiseExtended<readonly string[]> =
    ids.length > MANY_ROWS ? store.toCollection().primaryKeys() : store.bulkGet([...ids]).then((rows) => rows.flatMap((r) => (r ? [r.id] : [])));
  return keys.then((held) => {
    const set = new Set(held);
    return new Set(ids.filter((id) => set.has(id)));
  });
}

/**
 * Where the rows a write names are now: the ids held as open records, and
 * their villagers' packs. A closed row's villager never changes (an order
 * keeps its own; a parcel's changes only while it waits, as a record), so a
 * row is either a record or in its own villager's pack, never in another's.
 * A fresh tablet has no pack yet: its villagers' packs are then not looked up.
 */
function placeOf(database: CunzhanDb, latest: LatestRows): PromiseExtended<Placed> {
  const ownIds = [...new Set(latest.flatMap(({ rows }) => [...rows.values()].map(historyKeyOf)))];
  const recordSets = Dexie.Promise.all(latest.map(({ table, rows }) => recordsAmong(database, table, [...rows.keys()])));
  // Whether any pack exists, by one key: a count walks every pack, and a fresh tablet's first sync asks once a page.
  const anyPack = database.historyPacks.toCollection().limit(1).primaryKeys();
  const own = anyPack.then((some) => (some.length === 0 ? [] : database.historyPacks.bulkGet(ownIds)));
  return Dexie.Promise.all([own, recordSets]).then(([ownPacks, recordSets]) => ({
    packs: new Map(ownPacks.flatMap((p) => (p ? [[p.id, p] as const] : []))),
    records: Object.fromEntries(latest.map(({ table }, t) => [table, recordSets[t]!])) as Record<PackedTable, Set<string>>,
  }));
}

/** Takes the written rows out of the packs they were in, puts each where its status says, and writes what changed. */
function writePacked(database: CunzhanDb, latest: LatestRows, { packs, records }: Placed): PromiseExtended<void> {
  const changed = new Set<string>();
  for (const pack of packs.values()) {
    for (const { table, rows: written } of latest) {
      const before = rowsIn(pack, table);
      const kept = before.filter((r) => !written.has(r.id));
      if (kept.length === before.length) continue;
      changed.add(pack.id);
      setRows(pack, table, kept);
    }
  }
  const writes: PromiseExtended<unknown>[] = [];
  for (const { table, rows: written } of latest) {
    const open: AnyRow[] = [];
    const leaving: string[] = [];
    for (const row of written.values()) {
      if (!isClosedRow(table, row)) {
        open.push(row);
        continue;
      }
      // Deleted only where it was a record: a delete costs a request even for a key that is not there.
      if (records[table].has(row.id)) leaving.push(row.id);
      changed.add(addToPack(packs, table, row));
    }
    const store = database.synced(table);
    if (open.length > 0) writes.push(store.bulkPut(open as never[]));
    if (leaving.length > 0) writes.push(store.bulkDelete(leaving));
  }
  writes.push(savePacks(database, [...changed].map((id) => packs.get(id)!)));
  return Dexie.Promise.all(writes).then(() => undefined);
}

function setRows(pack: HistoryPack, table: PackedTable, rows: readonly AnyRow[]): void {
  if (table === 'orders') pack.orders = rows as Order[];
  else pack.parcels = rows as Parcel[];
}

/**
 * Writes changed packs with their index keys, deleting those left empty,
 * and adds what they changed to the counts. A pack passed here still holds
 * the summary it was stored with (`closed` is rebuilt only here), or none
 * when it is new: the counts change by the difference.
 */
function savePacks(database: CunzhanDb, packs: readonly HistoryPack[]): PromiseExtended<unknown> {
  const [full, empty] = partition(packs, (p) => p.orders.length + p.parcels.length > 0);
  const saved = full.map(indexed);
  const changes = new Map<string, number>();
  full.forEach((pack, i) => countChanges(changes, pack.closed, saved[i]!.closed));
  for (const pack of empty) countChanges(changes, pack.closed, []);
  return Dexie.Promise.all([
    saved.length > 0 ? database.historyPacks.bulkPut(saved) : undefined,
    empty.length > 0 ? database.historyPacks.bulkDelete(empty.map((p) => p.id)) : undefined,
    addToCounts(database, changes),
  ]);
}

/** Deletes rows of a packed table by id, wherever they live. */
export function deleteRows(database: CunzhanDb, table: PackedTable, ids: readonly string[]): PromiseExtended<void> {
  if (ids.length === 0) return Dexie.Promise.resolve();
  const gone = new Set(ids);
  return inTransaction(database, () =>
    packsHolding(database, table, ids).then((held) => {
      const packs = new Map([...held.values()].map((p) => [p.id, p] as const));
      for (const pack of packs.values()) setRows(pack, table, rowsIn(pack, table).filter((r) => !gone.has(r.id)));
      return Dexie.Promise.all([database.synced(table).bulkDelete([...ids]), savePacks(database, [...packs.values()])]).then(() => undefined);
    }),
  );
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

/** Packs built from closed rows alone: a tablet's closed rows packed when it first gets packs. */
export function packsFor(rows: { orders: readonly Order[]; parcels: readonly Parcel[] }): HistoryPack[] {
  const packs = new Map<string, HistoryPack>();
  for (const o of rows.orders) addToPack(packs, 'orders', o);
  for (const p of rows.parcels) addToPack(packs, 'parcels', p);
  return [...packs.values()].map(indexed);
}

/** The packs of some villager ids (those that have one). */
export function packsOf(database: CunzhanDb, customerIds: readonly string[]): PromiseExtended<HistoryPack[]> {
  return database.historyPacks.bulkGet([...customerIds]).then((packs) => packs.flatMap((p) => (p ? [p] : [])));
}

/**
 * Takes out of the packs the rows that closed before `horizon` (ISO UTC),
 * but those `kept` names (a queued change still touches them). Only packs
 * whose oldest row closed before the horizon are read. Returns how many
 * rows went.
 */
export function pruneClosedBefore(database: CunzhanDb, horizon: string, kept: (table: PackedTable, id: string) => boolean): PromiseExtended<number> {
  return database.historyPacks
    .where('oldestClosed')
    .below(horizon)
    .toArray()
    .then((packs) => {
      let pruned = 0;
      const changed: HistoryPack[] = [];
      for (const pack of packs) {
        const orders = pack.orders.filter((o) => !beforeHorizon('orders', o, horizon) || kept('orders', o.id));
        const parcels = pack.parcels.filter((p) => !beforeHorizon('parcels', p, horizon) || kept('parcels', p.id));
        const gone = pack.orders.length - orders.length + pack.parcels.length - parcels.length;
        if (gone === 0) continue;
        pruned += gone;
        changed.push({ ...pack, orders, parcels });
      }
      return savePacks(database, changed).then(() => pruned);
    });
}

/** Every row of a packed table, open and closed: for checks over a whole table, never for a screen. */
export function allRows<T extends PackedTable>(database: CunzhanDb, table: T): PromiseExtended<PackedRow<T>[]> {
  return Dexie.Promise.all([database.synced(table).toArray(), database.historyPacks.toArray()]).then(([open, packs]) => [
    ...(open as PackedRow<T>[]),
    ...packs.flatMap((p) => rowsIn(p, table)),
  ]);
}
