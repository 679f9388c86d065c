import type { Table } from 'dexie';
import type { AnyRow, TableName } from '../../shared/domain/entities';
import { INSERT_ONLY_TABLES, TABLE_NAMES } from '../../shared/domain/entities';
import { API } from '../../shared/protocol/endpoints';
import { LIMITS, type PullResponse } from '../../shared/protocol/messages';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { checkPullReply } from '../../shared/protocol/replies';
import { rowKey, type CunzhanDb, type ShadowRow } from '../data/db';
import { isPacked, PACKED_TABLES, putRows, type PackedRows } from '../data/closed-history';
import { recordPulledScope } from '../data/history-scope';
import { foldStagedHistory, stagePage, stagesPage } from '../data/history-staging';
import { getMeta, setMeta } from '../data/meta';
import { addStockEffects } from '../data/stock-levels';
import { loadSearchKeysFor, writeSearchKeysOf } from '../data/search-keys';
import { closedUpToFor, fetchClosedHistory } from './closed-history';
import { getChecked } from './get-checked';
import { stillTouched } from './outbox';
import type { SyncEndpoint } from './push';
import { sameRow } from './same-row';

/**
 * Page sizes grow from a small first page, so writing starts early while
 * the next, larger page is fetched, up to the protocol's maximum.
 */
const FIRST_PAGE_ROWS = 1000;

function nextPageRows(previous: number): number {
  return Math.min(LIMITS.pullMaxRows, previous * 2);
}

async function fetchPage(endpoint: SyncEndpoint, after: number, limit: number): Promise<PullResponse> {
  const url = new URL(API.pull, endpoint.baseUrl);
  url.searchParams.set('after', String(after));
  url.searchParams.set('limit', String(limit));
  url.searchParams.set('protocol', String(PROTOCOL_VERSION));
  const closedUpTo = await closedUpToFor(endpoint.db, after);
  if (closedUpTo !== undefined) url.searchParams.set('closedUpTo', String(closedUpTo));
  return getChecked(endpoint, url, (value) => checkPullReply(value, after, endpoint.centreId));
}

/**
 * The rows among `ids` that this tablet already holds. Usually none or a
 * few (its own sales coming back), so only keys are read first, over the
 * span of ids in the page (UUIDv7 ids sort by time, so the span is narrow);
 * whole rows are read only for the ids found. A span crowded with other
 * rows falls back to looking every id up.
 */
async function storedAmong(store: Table<AnyRow, string>, ids: readonly string[]): Promise<Map<string, AnyRow>> {
  const found = new Map<string, AnyRow>();
  if (ids.length === 0) return found;
  let low = ids[0]!;
  let high = low;
  for (const id of ids) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  const scanLimit = ids.length * 4;
  const keys = await store.where(':id').between(low, high, true, true).limit(scanLimit).primaryKeys();
  let candidates: readonly string[] = ids;
  if (keys.length < scanLimit) {
    const stored = new Set(keys);
    candidates = ids.filter((id) => stored.has(id));
  }
  if (candidates.length === 0) return found;
  const rows = await store.bulkGet([...candidates]);
  rows.forEach((row) => {
    if (row) found.set(row.id, row);
  });
  return found;
}

/**
 * Applies one page of the change feed with its cursor in ONE transaction,
 * so a cut between pages repeats nothing and skips nothing (S3, S4). Rows a
 * queued mutation has changed locally go to `shadow` instead, so the
 * optimistic version stays on screen until the mutation is answered.
 * Stock effects are added only for movements and sales new to this tablet;
 * those it already holds unchanged (its own, coming back) are not rewritten.
 * Villagers' and products' search keys are written with their rows, so a
 * page is never half indexed: pinyin-pro is loaded before the transaction opens.
 */
export async function applyPullPage(database: CunzhanDb, page: PullResponse): Promise<number> {
  await loadSearchKeysFor(TABLE_NAMES.filter((table) => (page.rows[table]?.length ?? 0) > 0));
  const tables = [...database.syncedWithDerived(), database.shadow, database.outbox, database.meta];
  const packedCount = PACKED_TABLES.reduce((n, table) => n + (page.rows[table]?.length ?? 0), 0);
  let count = 0;
  await database.transaction('rw', tables, async () => {
    const pending = await stillTouched(database);
    const staged = packedCount > 0 && (await stagesPage(database, packedCount));
    const packed: PackedRows = {};
    const shadows: ShadowRow[] = [];
    const fresh: { table: TableName; row: AnyRow }[] = [];
    for (const table of TABLE_NAMES) {
      const rows = page.rows[table];
      if (!rows || rows.length === 0) continue;
      count += rows.length;
      // Staged rows meet the queue when they are folded (history-staging.ts).
      if (staged && isPacked(table)) continue;
      const direct: AnyRow[] = [];
      for (const row of rows) {
        const key = rowKey(table, row.id);
        if (pending.has(key)) shadows.push({ key, table, row });
        else direct.push(row);
      }
      const store = database.synced(table) as Table<AnyRow, string>;
      // Shadowed villagers and products keep the keys of their optimistic row until their change is answered.
      await writeSearchKeysOf(database, table, direct);
      if (isPacked(table)) {
        packed[table] = direct;
        continue;
      }
      if (!INSERT_ONLY_TABLES.includes(table)) {
        await store.bulkPut(direct);
        continue;
      }
      const stored = await storedAmong(
        store,
        direct.map((r) => r.id),
      );
      const writes: AnyRow[] = [];
      for (const row of direct) {
        const local = stored.get(row.id);
        if (!local) fresh.push({ table, row });
        if (!local || !sameRow(local, row)) writes.push(row);
      }
      if (writes.length > 0) await store.bulkPut(writes);
    }
    if (staged) await stagePage(database, { orders: page.rows.orders ?? [], parcels: page.rows.parcels ?? [] });
    else await putRows(database, packed);
    if (shadows.length > 0) await database.shadow.bulkPut(shadows);
    await addStockEffects(database, fresh);
    await recordPulledScope(database, page);
    await setMeta(database, 'cursor', page.cursor);
  });
  return count;
}

/**
 * Pulls until the feed has no more, fetching the next page while writing
 * this one; a fresh tablet fetches the closed history first
 * (closed-history.ts). Orders and parcels a large pull staged are packed
 * when it ends, or is cut, and before the next pull writes any
 * (history-staging.ts).
 */
export async function pullChanges(
  endpoint: SyncEndpoint,
  onProgress: (rows: number) => void = () => undefined,
): Promise<number> {
  const { db: database } = endpoint;
  await foldStagedHistory(database);
  const history = await fetchClosedHistory(endpoint, onProgress);
  try {
    return history + (await pullPages(endpoint, (rows) => onProgress(history + rows)));
  } finally {
    await foldStagedHistory(database);
  }
}

async function pullPages(endpoint: SyncEndpoint, onProgress: (rows: number) => void): Promise<number> {
  const { db: database } = endpoint;
  let done = 0;
  let rows = FIRST_PAGE_ROWS;
  let pagePromise = fetchPage(endpoint, (await getMeta(database, 'cursor')) ?? 0, rows);
  for (;;) {
    const page = await pagePromise;
    rows = nextPageRows(rows);
    const next = page.hasMore ? fetchPage(endpoint, page.cursor, rows) : null;
    next?.catch(() => undefined); // awaited on the next turn
    done += await applyPullPage(database, page);
    onProgress(done);
    if (!next) return done;
    pagePromise = next;
  }
}
