import type { AnyRow } from '../../shared/domain/entities';
import { API } from '../../shared/protocol/endpoints';
import { LIMITS, type HistoryResponse } from '../../shared/protocol/messages';
import { checkHistoryReply, type HistoryAsked } from '../../shared/protocol/history-reply';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { PACKED_TABLES, putRows, type PackedRows } from '../data/closed-history';
import { rowKey, type CunzhanDb, type ShadowRow } from '../data/db';
import { getMeta, setMeta, type HistorySnapshot } from '../data/meta';
import { stillTouched } from './outbox';
import type { SyncEndpoint } from './push';
import { getChecked } from './get-checked';

/**
 * A fresh tablet's first sync fetches the centre's closed orders and parcels
 * before the feed, whole villagers at a time, as they stood at one feed seq
 * (HistoryResponse), so each page goes straight into its villagers' packs.
 * Through the feed the same rows came in the order they changed, so a first
 * sync staged them all and packed them at its end: every closed row held in
 * memory at once, and stored twice while that ran. The feed's pulls then
 * name the snapshot (`closedUpTo`) and leave those rows out; a row that
 * changed after it comes by the feed with its newer version.
 *
 * Each page is written with the snapshot's progress in one transaction, so
 * a cut resumes after the last villager written, at the same snapshot.
 */

async function fetchHistoryPage(endpoint: SyncEndpoint, query: HistoryAsked): Promise<HistoryResponse> {
  const url = new URL(API.history, endpoint.baseUrl);
  if (query.upTo !== undefined) url.searchParams.set('upTo', String(query.upTo));
  if (query.after !== undefined) url.searchParams.set('after', query.after);
  url.searchParams.set('limit', String(LIMITS.pullMaxRows));
  url.searchParams.set('protocol', String(PROTOCOL_VERSION));
  return getChecked(endpoint, url, (value) => checkHistoryReply(value, query, endpoint.centreId));
}

/**
 * Writes one page into the villagers' packs with the snapshot's progress,
 * in one transaction. A row a queued change touches goes to `shadow`, as a
 * pulled row does, so the change stays on screen until it is answered.
 */
export async function applyHistoryPage(database: CunzhanDb, page: HistoryResponse, before: HistorySnapshot | undefined): Promise<number> {
  const tables = [database.orders, database.parcels, database.historyPacks, database.historyCounts, database.shadow, database.outbox, database.meta];
  return database.transaction('rw', tables, async () => {
    const pending = await stillTouched(database);
    const direct: PackedRows = {};
    const shadows: ShadowRow[] = [];
    let count = 0;
    for (const table of PACKED_TABLES) {
      const rows: AnyRow[] = [];
      for (const row of page.rows[table] ?? []) {
        const key = rowKey(table, row.id);
        if (pending.has(key)) shadows.push({ key, table, row });
        else rows.push(row);
      }
      direct[table] = rows;
      count += page.rows[table]?.length ?? 0;
    }
    await putRows(database, direct);
    if (shadows.length > 0) await database.shadow.bulkPut(shadows);
    const after = page.after ?? before?.after;
    const snapshot: HistorySnapshot = { upTo: page.upTo, done: !page.hasMore, ...(after === undefined ? {} : { after }) };
    await setMeta(database, 'historySnapshot', snapshot);
    return count;
  });
}

/**
 * Fetches the closed history when this tablet has not pulled the feed yet
 * (its cursor is 0) and has not fetched it already, fetching the next page
 * while writing this one. Returns the rows written.
 */
export async function fetchClosedHistory(endpoint: SyncEndpoint, onProgress: (rows: number) => void): Promise<number> {
  const { db: database } = endpoint;
  if (((await getMeta(database, 'cursor')) ?? 0) !== 0) return 0;
  let snapshot = await getMeta(database, 'historySnapshot');
  if (snapshot?.done) return 0;
  let done = 0;
  let pagePromise = fetchHistoryPage(endpoint, { upTo: snapshot?.upTo, after: snapshot?.after });
  for (;;) {
    const page = await pagePromise;
    const next = page.hasMore ? fetchHistoryPage(endpoint, { upTo: page.upTo, after: page.after }) : null;
    next?.catch(() => undefined); // awaited on the next turn
    done += await applyHistoryPage(database, page, snapshot);
    snapshot = await getMeta(database, 'historySnapshot');
    onProgress(done);
    if (!next) return done;
    pagePromise = next;
  }
}

/** The feed's `closedUpTo` for a pull after `cursor`: the snapshot's seq while the feed has not passed it. */
export async function closedUpToFor(database: CunzhanDb, cursor: number): Promise<number | undefined> {
  const snapshot = await getMeta(database, 'historySnapshot');
  return snapshot?.done && cursor < snapshot.upTo ? snapshot.upTo : undefined;
}
