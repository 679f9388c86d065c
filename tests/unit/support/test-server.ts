import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Centre, Product, Staff, StockMovement } from '../../../src/shared/domain/entities';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { createApp } from '../../../src/server/app';
import { createCentre, writeServerRows } from '../../../src/server/admin/operations';
import { issueEnrolCode } from '../../../src/server/auth/enrol-codes';
import { openStore } from '../../../src/server/store/open';
import type { Store } from '../../../src/server/store/store';
import { enrolDevice } from '../../../src/client/data/enrol-device';
import type { CommandContext } from '../../../src/client/data/commands/run-command';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../../src/client/sync/engine';
import type { Transport } from '../../../src/client/sync/transport';
import { freshDb } from './local-device';
import type { CunzhanDb } from '../../../src/client/data/db';
import { staffKeysOf } from '../../../src/shared/auth/staff-key';
import { addSignedStaff, type TestSigner } from '../../support/signing';

export const BASE_URL = 'http://cunzhan.test';
/** An admin's PIN is six digits; the test server's person is an admin, who may run every kind. */
export const STAFF_PIN = '246802';

/** The real server app on a real SQLite file in a temp dir, reached without a port. */
export interface TestServer {
  store: Store;
  transport: Transport;
  centre: Centre;
  staff: Staff;
  /** The staff member's known secret: their tablets sign with it. */
  signer: TestSigner;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-unit-'));
  const store = await openStore({ dataDir });
  await store.migrate();
  const app = createApp({ store });
  const now = new Date().toISOString();
  const centre = await createCentre(store, { 'zh-CN': '测试站', en: 'Test centre' }, now);
  const { staff, signer } = await addSignedStaff(store, { centreId: centre.id, name: '王芳', role: 'admin', pin: STAFF_PIN });
  return {
    store,
    transport: (request) => Promise.resolve(app.fetch(request)),
    centre,
    staff,
    signer,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Server-side products with opening stock, as the seed or an admin would add them. */
export async function serverProducts(server: TestServer, count: number, openingStock = 5): Promise<Product[]> {
  const now = new Date().toISOString();
  const base = { centreId: server.centre.id, createdAt: now, updatedAt: now, createdBy: server.staff.id };
  const products: Product[] = Array.from({ length: count }, (_, i) => ({
    ...base,
    id: uuidv7(),
    sku: `P-${String(i).padStart(3, '0')}`,
    barcode: `690000${String(i).padStart(7, '0')}`,
    names: { 'zh-CN': `商品${i}`, en: `Product ${i}`, ug: `مەھسۇلات ${i}` },
    unit: '个',
    priceFen: 100 + i * 10,
    kind: 'stock',
    lowStockThreshold: 1,
    active: true,
  }));
  const movements: StockMovement[] = products.map((p) => ({
    ...base,
    id: uuidv7(),
    productId: p.id,
    delta: openingStock,
    reason: 'receive',
    note: 'opening stock',
    deviceId: 'server',
  }));
  await writeServerRows(server.store, server.centre.id, [
    ...products.map((row) => ({ table: 'products' as const, row })),
    ...movements.map((row) => ({ table: 'movements' as const, row })),
  ]);
  return products;
}

export interface TestTablet {
  db: CunzhanDb;
  engine: SyncEngine;
  ctx: CommandContext;
  deviceId: string;
}

/** A tablet enrolled through the real enrol endpoint, with its own database and sync engine. */
export async function enrolTablet(
  server: TestServer,
  transport: Transport = server.transport,
  label = 'tablet',
  engineOptions: Pick<SyncEngineOptions, 'pushBatch' | 'pause'> = {},
): Promise<TestTablet> {
  const db = freshDb(label);
  const { code } = await issueEnrolCode(server.store, server.centre.id, 1);
  const device = await enrolDevice(code, label, { db, fetch: transport, baseUrl: BASE_URL });
  const engine = createSyncEngine({ db, transport, baseUrl: BASE_URL, ...engineOptions });
  return {
    db,
    engine,
    deviceId: device.deviceId,
    // Signed as the signed-in person's changes are: the keys their PIN unlocks.
    ctx: { db, staffId: server.staff.id, deviceId: device.deviceId, centreId: server.centre.id, keys: await staffKeysOf(server.signer.secret, server.signer.keyId) },
  };
}

/** Tablets of the server's centre, enrolled in the order named, each synced once. */
export async function syncedTablets<Labels extends string[]>(
  server: TestServer,
  ...labels: Labels
): Promise<{ [K in keyof Labels]: TestTablet }> {
  const tablets: TestTablet[] = [];
  for (const label of labels) tablets.push(await enrolTablet(server, server.transport, label));
  for (const tablet of tablets) await tablet.engine.runOnce();
  return tablets as { [K in keyof Labels]: TestTablet };
}
