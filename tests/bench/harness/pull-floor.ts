import type { PullResponse } from '../../../src/shared/protocol/messages';
import { API } from '../../../src/shared/protocol/endpoints';
import { LIMITS } from '../../../src/shared/protocol/messages';
import type { FetchFloorRun, WriteFloorRun } from './api';

/**
 * The floors of a fresh tablet's pull, measured in its own browser:
 * - fetch: the pull pages fetched (largest page size, one after another)
 *   and parsed, nothing else: the least any pull could spend on the wire;
 * - write: the very rows those pages held, put into a scratch IndexedDB
 *   database with raw IndexedDB, one transaction per page: the least any
 *   pull could spend on storage.
 * The sales store of the scratch database has the app's own index
 * (`createdAt`), since the sales list needs it; other tables go to one store.
 */
export async function fetchFloor(token: string): Promise<{ run: FetchFloorRun; pages: PullResponse[] }> {
  const pages: PullResponse[] = [];
  let after = 0;
  let rows = 0;
  let jsonChars = 0;
  const started = performance.now();
  for (;;) {
    const url = `${API.pull}?after=${after}&limit=${LIMITS.pullMaxRows}`;
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`pull floor answered ${response.status}`);
    const text = await response.text();
    const page = JSON.parse(text) as PullResponse;
    jsonChars += text.length;
    for (const list of Object.values(page.rows)) rows += list?.length ?? 0;
    pages.push(page);
    if (!page.hasMore) break;
    after = page.cursor;
  }
  return { run: { ms: performance.now() - started, requests: pages.length, rows, jsonChars }, pages };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openScratch(name: string): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const database = open.result;
    database.createObjectStore('sales', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
    database.createObjectStore('other', { keyPath: 'id' });
  };
  return request(open);
}

function commitPage(database: IDBDatabase, page: PullResponse): Promise<number> {
  return new Promise((resolve, reject) => {
    const tx = database.transaction(['sales', 'other'], 'readwrite', { durability: 'default' });
    let count = 0;
    for (const [table, list] of Object.entries(page.rows)) {
      const store = tx.objectStore(table === 'sales' ? 'sales' : 'other');
      for (const row of list ?? []) store.put(row);
      count += list?.length ?? 0;
    }
    tx.oncomplete = () => resolve(count);
    tx.onerror = () => reject(tx.error ?? new Error('scratch transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('scratch transaction aborted'));
  });
}

/** Writes `pages` into a fresh scratch database, then deletes it (untimed). */
export async function writeFloor(pages: readonly PullResponse[], run: number): Promise<WriteFloorRun> {
  const name = `bench-pull-floor-${run}`;
  await request(indexedDB.deleteDatabase(name));
  const database = await openScratch(name);
  let rows = 0;
  const started = performance.now();
  for (const page of pages) rows += await commitPage(database, page);
  const ms = performance.now() - started;
  database.close();
  await request(indexedDB.deleteDatabase(name));
  return { ms, rows, transactions: pages.length };
}
