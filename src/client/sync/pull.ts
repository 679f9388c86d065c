import type { AnyRow, TableName } from '../../shared/domain/entities';
import { TABLE_NAMES } from '../../shared/domain/entities';
import { API } from '../../shared/protocol/endpoints';
import { LIMITS, type PullResponse } from '../../shared/protocol/messages';
import { rowKey, type CunzhanDb, type ShadowRow } from '../data/db';
import { getMeta } from '../data/meta';
import { addStockEffects } from '../data/stock-levels';
import { stillTouched } from './outbox';
import type { SyncEndpoint } from './push';
import { send } from './transport';

const INSERT_ONLY: ReadonlySet<TableName> = new Set(['movements', 'sales']);

async function fetchPage(endpoint: SyncEndpoint, after: number): Promise<PullResponse> {
  const url = new URL(API.pull, endpoint.baseUrl);
  url.searchParams.set('after', String(after));
  url.searchParams.set('limit', String(LIMITS.pullDefaultRows));
  const request = new Request(url, { headers: { Authorization: `Bearer ${endpoint.token}` } });
  return (await (await send(endpoint.transport, request)).json()) as PullResponse;
}

/**
 * Applies one page of the change feed with its cursor in ONE transaction,
 * so a cut between pages repeats nothing and skips nothing (S3, S4). Rows a
 * queued mutation has changed locally go to `shadow` instead, so the
 * optimistic version stays on screen until the mutation is answered.
 * Stock effects are added only for movements and sales new to this tablet.
 */
export async function applyPullPage(database: CunzhanDb, page: PullResponse): Promise<number> {
  const tables = [
    database.products,
    database.movements,
    database.sales,
    database.staff,
    database.stockLevels,
    database.shadow,
    database.outbox,
    database.meta,
  ];
  let count = 0;
  await database.transaction('rw', tables, async () => {
    const pending = (await database.outbox.count()) > 0 ? await stillTouched(database) : new Set<string>();
    const shadows: ShadowRow[] = [];
    const fresh: { table: TableName; row: AnyRow }[] = [];
    for (const table of TABLE_NAMES) {
      const rows = page.rows[table];
      if (!rows || rows.length === 0) continue;
      count += rows.length;
      const direct: AnyRow[] = [];
      for (const row of rows) {
        const key = rowKey(table, row.id);
        if (pending.has(key)) shadows.push({ key, table, row });
        else direct.push(row);
      }
      const store = database.synced(table);
      if (INSERT_ONLY.has(table)) {
        const existing = await store.bulkGet(direct.map((r) => r.id));
        direct.forEach((row, i) => {
          if (!existing[i]) fresh.push({ table, row });
        });
      }
      await store.bulkPut(direct as never[]);
    }
    if (shadows.length > 0) await database.shadow.bulkPut(shadows);
    await addStockEffects(database, fresh);
    await database.meta.put({ key: 'cursor', value: page.cursor });
  });
  return count;
}

/** Pulls until the feed has no more, fetching the next page while writing this one. */
export async function pullChanges(
  endpoint: SyncEndpoint,
  onProgress: (rows: number) => void = () => undefined,
): Promise<number> {
  const { db: database } = endpoint;
  let done = 0;
  let pagePromise = fetchPage(endpoint, (await getMeta(database, 'cursor')) ?? 0);
  for (;;) {
    const page = await pagePromise;
    const next = page.hasMore ? fetchPage(endpoint, page.cursor) : null;
    next?.catch(() => undefined); // awaited on the next turn
    done += await applyPullPage(database, page);
    onProgress(done);
    if (!next) return done;
    pagePromise = next;
  }
}
