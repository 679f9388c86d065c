import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import type { PullResponse, PushResponse } from '../../src/shared/protocol/messages';
import { enrolDevice, makeCentre, pull, push, pushBody, resigned, saleMutation, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

interface StoredRow {
  id: string;
  data: string;
  received_at: string | null;
}

/** The rows table as stored, read beside the store over a connection of its own. */
async function storedRows(opened: OpenedStore, centreId: string): Promise<StoredRow[]> {
  const sql = 'SELECT id, data, received_at FROM rows WHERE centre_id = $1 ORDER BY seq';
  const { databaseUrl, dataDir } = opened.config;
  if (databaseUrl === undefined) {
    const db = new Database(join(dataDir, 'cunzhan.db'), { readonly: true });
    try {
      return db.prepare(sql.replace('$1', '?')).all(centreId) as StoredRow[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<StoredRow>(sql.replace('data', 'data::text AS data'), [centreId])).rows;
  } finally {
    await client.end();
  }
}

function isRecent(time: string | null | undefined, since: number): boolean {
  const t = Date.parse(time ?? '');
  return t >= since - 1000 && t <= Date.now() + 1000;
}

describe.each(storeKinds())("the server's clock on $name", (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let shop: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store });
    shop = await makeCentre(opened.store, app, 'C');
  });
  afterAll(() => opened.dispose());

  it('records when it received each row, and keeps the time the tablet gave', async () => {
    const since = Date.now();
    // A tablet whose clock is three days behind.
    const tabletTime = new Date(since - 3 * 86_400_000).toISOString();
    const sale = resigned(shop, saleMutation(shop), { createdAt: tabletTime });
    const res = (await (await push(app, shop.device.token, pushBody(shop, [sale]))).json()) as PushResponse;
    expect(res.results).toEqual([{ id: sale.id, status: 'applied' }]);

    const rows = await storedRows(opened, shop.centre.id);
    const saleRow = rows.find((r) => r.id === (sale.args as { saleId: string }).saleId)!;
    expect(JSON.parse(saleRow.data)).toMatchObject({ createdAt: tabletTime });
    expect(isRecent(saleRow.received_at, since)).toBe(true);
    // Rows the server writes itself (staff, products) carry it too.
    expect(rows.every((r) => r.received_at !== null)).toBe(true);
  });

  it('tells its time in enrolment, push and pull answers', async () => {
    const since = Date.now();
    const enrolled = await enrolDevice(opened.store, app, shop.centre.id, 'Clock tablet');
    expect(isRecent(enrolled.serverTime, since)).toBe(true);
    const pushed = (await (await push(app, shop.device.token, pushBody(shop, [saleMutation(shop)]))).json()) as PushResponse;
    expect(isRecent(pushed.serverTime, since)).toBe(true);
    const pulled = (await (await pull(app, shop.device.token, 0)).json()) as PullResponse;
    expect(isRecent(pulled.serverTime, since)).toBe(true);
  });
});
