import { Dexie, type PromiseExtended } from 'dexie';
import type { AnyRow } from '../../shared/domain/entities';
import type { Order } from '../../shared/domain/orders';
import type { Parcel } from '../../shared/domain/parcels';
import { stillTouched } from '../sync/outbox';
import { rowKey, type CunzhanDb, type ShadowRow } from './db';
import { PACKED_TABLES, putRows, type PackedRows } from './closed-history';

/**
 * Orders and parcels of a large pull, held until the pull ends. Packing
 * them page by page would rewrite most villagers' packs at every page (the
 * feed comes in the order rows changed, not by villager), so a page with
 * many of them is kept whole as one record here, and `foldStagedHistory`
 * packs them all once, a villager's pack written once. Once a page is
 * staged, every later page's orders and parcels are staged too until the
 * fold, so each row's versions are applied in the feed's order.
 */

/** One staged page's rows, in the feed's order. */
export interface StagedPage {
  seq?: number;
  orders: Order[];
  parcels: Parcel[];
}

/** A page with at least this many orders and parcels is staged: the first pulls of a tablet, or after a long time offline. */
export const STAGE_FROM_ROWS = 500;

/** Inside a pull page's transaction: whether this page's orders and parcels are staged. */
export function stagesPage(database: CunzhanDb, packedRows: number): PromiseExtended<boolean> {
  if (packedRows >= STAGE_FROM_ROWS) return Dexie.Promise.resolve(true);
  return database.historyStaging.count().then((n) => n > 0);
}

/** Inside a pull page's transaction: keeps the page's orders and parcels for the fold. */
export function stagePage(database: CunzhanDb, rows: PackedRows): PromiseExtended<number> {
  return database.historyStaging.add({ orders: [...(rows.orders ?? [])] as Order[], parcels: [...(rows.parcels ?? [])] as Parcel[] });
}

/**
 * Writes every staged row where it belongs, in one transaction: the last
 * staged version of each row wins; one a queued change still touches goes
 * to `shadow`, like any pulled row, so the change stays on screen until it
 * is answered. Returns how many rows were folded.
 */
export async function foldStagedHistory(database: CunzhanDb): Promise<number> {
  if ((await database.historyStaging.count()) === 0) return 0;
  const tables = [...database.syncedWithDerived(), database.shadow, database.outbox, database.meta];
  return database.transaction('rw', tables, async () => {
    const pages = await database.historyStaging.toArray();
    if (pages.length === 0) return 0;
    const pending = await stillTouched(database);
    const direct: PackedRows = {};
    const shadows: ShadowRow[] = [];
    for (const table of PACKED_TABLES) {
      const latest = new Map<string, AnyRow>();
      for (const page of pages) for (const row of page[table]) latest.set(row.id, row);
      const rows: AnyRow[] = [];
      for (const row of latest.values()) {
        const key = rowKey(table, row.id);
        if (pending.has(key)) shadows.push({ key, table, row });
        else rows.push(row);
      }
      direct[table] = rows;
    }
    await putRows(database, direct);
    if (shadows.length > 0) await database.shadow.bulkPut(shadows);
    await database.historyStaging.clear();
    return (direct.orders?.length ?? 0) + (direct.parcels?.length ?? 0) + shadows.length;
  });
}
