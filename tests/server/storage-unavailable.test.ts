import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import { silentLogger } from '../../src/server/log';
import { startServer } from '../../src/server/server';
import { DataDirUnusable } from '../../src/server/store/sqlite/data-dir';
import { SqliteStore } from '../../src/server/store/sqlite/sqlite-store';
import { storageUnavailable } from '../../src/server/store/storage-errors';
import type { MutationEnvelope, PushResponse } from '../../src/shared/protocol/messages';
import { enrolDevice, makeCentre, pullFrom, push, pushBody, resigned, saleMutation, type TestCentre } from './support/centre';
import { FaultyStore, pgError } from './support/faulty-store';
import { storeKinds, type OpenedStore } from './support/stores';

/** Sales whose lines carry long names: enough data to need new database pages. */
function bulkySales(t: TestCentre, count: number): MutationEnvelope[] {
  return Array.from({ length: count }, () => {
    const m = saleMutation(t);
    const args = m.args as { lines: { names: Record<string, string> }[] };
    for (const line of args.lines) line.names = { 'zh-CN': '大米'.repeat(50), en: 'Rice '.repeat(20) };
    return resigned(t, m, { args });
  });
}

async function expect503(res: Response): Promise<void> {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('30');
  expect(await res.json()).toMatchObject({ error: 'storage_unavailable', message: expect.any(String) });
}

describe('a full SQLite disk', () => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;

  beforeAll(async () => {
    const [sqlite] = storeKinds();
    opened = await sqlite!.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'F');
  });
  afterAll(() => opened.dispose());

  it('answers a push 503 with Retry-After, applies none of it, and applies it all once there is room', async () => {
    const store = opened.store as SqliteStore;
    const office = await enrolDevice(store, app, shop.centre.id, 'Office');
    const seqBefore = await store.lastSeq(shop.centre.id);
    // No page may be added: the database file cannot grow, as on a full disk.
    store.pragma(`max_page_count = ${Number(store.pragma('page_count'))}`);
    const batch = bulkySales(shop, 200);

    await expect503(await push(app, shop.device.token, pushBody(shop, batch)));
    expect(await store.lastSeq(shop.centre.id)).toBe(seqBefore);
    expect((await pullFrom(app, office.token, seqBefore)).sales).toEqual([]);

    store.pragma('max_page_count = 1073741823');
    const res = await push(app, shop.device.token, pushBody(shop, batch));
    expect(res.status).toBe(200);
    const body = (await res.json()) as PushResponse;
    expect(body.results.every((r) => r.status === 'applied')).toBe(true);
    expect((await pullFrom(app, office.token, seqBefore)).sales).toHaveLength(batch.length);
  });
});

describe.each(storeKinds())('a storage failure on $name', (kind) => {
  let opened: OpenedStore;
  let faulty: FaultyStore;
  let app: Hono;
  let shop: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    faulty = new FaultyStore(opened.store);
    app = createApp({ store: faulty });
    shop = await makeCentre(faulty, app, 'U');
  });
  afterAll(() => opened.dispose());

  it('is never a refusal: a disk_full (53100) push is answered 503 and nothing of it applies', async () => {
    const seqBefore = await opened.store.lastSeq(shop.centre.id);
    const batch = [saleMutation(shop), saleMutation(shop)];
    const second = (batch[1]!.args as { saleId: string }).saleId;
    faulty.fault = (change) => (change.row.id === second ? pgError('53100', 'could not extend file: No space left on device') : undefined);
    await expect503(await push(app, shop.device.token, pushBody(shop, batch)));
    expect(await opened.store.lastSeq(shop.centre.id)).toBe(seqBefore);

    faulty.fault = () => undefined;
    const res = (await (await push(app, shop.device.token, pushBody(shop, batch))).json()) as PushResponse;
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
});

describe('storage errors are told apart from other errors', () => {
  it.each([
    ['SQLITE_FULL'],
    ['SQLITE_IOERR_WRITE'],
    ['SQLITE_READONLY_DBMOVED'],
    ['SQLITE_CANTOPEN'],
    ['SQLITE_BUSY'],
    ['53100'],
    ['53300'],
    ['57P01'],
    ['08006'],
    ['ECONNREFUSED'],
    ['ECONNRESET'],
    ['ETIMEDOUT'],
  ])('%s means the storage is unavailable', (code) => {
    expect(storageUnavailable(Object.assign(new Error('x'), { code }))?.code).toBe(code);
  });

  it.each([['SQLITE_CONSTRAINT_UNIQUE'], ['22P05'], ['23505'], ['42P01'], [undefined]])('%s does not', (code) => {
    expect(storageUnavailable(Object.assign(new Error('x'), { code }))).toBeUndefined();
  });

  it('finds a refused connection inside an AggregateError', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    expect(storageUnavailable(new AggregateError([refused], 'all failed'))?.code).toBe('ECONNREFUSED');
  });
});

describe('an unusable DATA_DIR at start', () => {
  const root = mkdtempSync(join(tmpdir(), 'cunzhan-datadir-'));
  afterAll(() => {
    chmodSync(root, 0o700);
    rmSync(root, { recursive: true, force: true });
  });

  it('stops the start with a message naming the path when it cannot be created', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    const dataDir = join(file, 'data');
    const start = startServer({ port: 0, host: '127.0.0.1', dataDir, version: 'test', log: silentLogger });
    await expect(start).rejects.toThrow(DataDirUnusable);
    await expect(start).rejects.toThrow(`DATA_DIR ${dataDir} is missing and cannot be created (ENOTDIR)`);
  });

  it('stops the start with a message naming the path when it is read-only', () => {
    const dataDir = join(root, 'read-only');
    mkdirSync(dataDir);
    chmodSync(root, 0o755);
    chmodSync(dataDir, 0o555);
    // Permission bits do not stop root: the store is opened as an ordinary user then.
    const asRoot = process.geteuid?.() === 0;
    if (asRoot) process.seteuid?.(65534);
    let thrown: unknown;
    try {
      new SqliteStore(dataDir).close();
    } catch (error) {
      thrown = error;
    } finally {
      if (asRoot) process.seteuid?.(0);
    }
    expect(thrown).toBeInstanceOf(DataDirUnusable);
    expect((thrown as Error).message).toMatch(new RegExp(`^DATA_DIR ${dataDir} is read-only \\((EACCES|EROFS|EPERM)\\)`));
  });
});
