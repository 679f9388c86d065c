import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyRow, Staff, TableName } from '../../src/shared/domain/entities';
import { TABLE_NAMES } from '../../src/shared/domain/entities';
import { staffKeysOf, type StaffKeys } from '../../src/shared/auth/staff-key';
import { createCentre, writeServerRows } from '../../src/server/admin/operations';
import { addSignedStaff } from '../support/signing';
import { issueEnrolCode } from '../../src/server/auth/enrol-codes';
import { adjustStock, completeSale, createProduct, receiveStock, updateProduct } from '../../src/client/data/commands';
import type { CommandContext } from '../../src/client/data/commands/run-command';
import type { CunzhanDb } from '../../src/client/data/db';
import { allSyncedRows } from '../../src/client/data/synced-rows';
import { enrolDevice } from '../../src/client/data/enrol-device';
import { AppError } from '../../src/client/data/errors';
import { createSyncEngine, type SyncEngine } from '../../src/client/sync/engine';
import type { Transport } from '../../src/client/sync/transport';
import { cachedLevels, freshDb, nonZero, stockFromRows } from './support/local-device';
import { overtakingLink } from './support/overtaking-link';
import { BASE_URL, serverProducts, startTestServer, type TestServer } from './support/test-server';
import { sweepAnswered, waitingCount } from '../../src/client/data/outbox-queue';
import { performVillageAction, villageAction, type VillageAction } from './support/village-actions';

/**
 * S6: several tablets, one real server (SQLite), random actions, random
 * push/pull order, responses lost after the server applied the request, and
 * pipelined push batches that sometimes reach the server out of order.
 * After everyone syncs, every tablet holds exactly the server's rows and
 * stock is the sum of movements and sale lines everywhere. Villagers,
 * orders and parcels join in (support/village-actions.ts), colliding on
 * purpose: one parcel logged twice, one code proposed twice, one order
 * moved on two tablets.
 */

type Action =
  | { type: 'sale'; device: number; staff: number; product: number; qty: number; lines: number }
  | { type: 'receive'; device: number; staff: number; product: number; qty: number }
  | { type: 'adjust'; device: number; staff: number; product: number; delta: number; reason: 'count' | 'damage' | 'spoil' }
  | { type: 'edit'; device: number; staff: number; product: number; field: 'price' | 'name' | 'threshold' | 'active' | 'selling'; value: number }
  | { type: 'create'; device: number; staff: number; value: number }
  | { type: 'push' | 'pull' | 'sync'; device: number; drop: boolean; overtake: boolean; sweep: boolean }
  | { type: 'toggleStaff' }
  | VillageAction;

const DEVICES = 3;
const device = fc.nat({ max: DEVICES - 1 });
const staff = fc.nat({ max: 1 });
const product = fc.nat({ max: 20 });

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('sale' as const), device, staff, product, qty: fc.integer({ min: 1, max: 2 }), lines: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('receive' as const), device, staff, product, qty: fc.integer({ min: 1, max: 3 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('adjust' as const),
      device,
      staff,
      product,
      delta: fc.integer({ min: -2, max: 2 }).filter((d) => d !== 0),
      reason: fc.constantFrom('count' as const, 'damage' as const, 'spoil' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('edit' as const),
      device,
      staff,
      product,
      field: fc.constantFrom('price' as const, 'name' as const, 'threshold' as const, 'active' as const, 'selling' as const),
      value: fc.nat({ max: 999 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('create' as const), device, staff, value: fc.nat({ max: 9999 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constantFrom('push' as const, 'pull' as const, 'sync' as const),
      device,
      drop: fc.boolean(),
      overtake: fc.boolean(),
      // Answered entries are swept at any point, or left for later.
      sweep: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'toggleStaff' as const }) },
  { weight: 7, arbitrary: villageAction(device, staff) },
);

interface Tablet {
  db: CunzhanDb;
  engine: SyncEngine;
  deviceId: string;
  dropNext: { value: boolean };
  overtake: { value: boolean };
}

/** Tiny push batches, so a few actions already make several pipelined requests. */
const PUSH_BATCH = { initial: 2, min: 1, max: 4 };

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A transport that, when told to, lets the server apply the request and then loses the answer. */
function droppingTransport(base: Transport, dropNext: { value: boolean }): Transport {
  return async (request) => {
    const response = await base(request);
    if (dropNext.value) {
      dropNext.value = false;
      throw new TypeError('connection reset after the server answered');
    }
    return response;
  };
}

async function serverRows(centreId: string): Promise<Map<TableName, AnyRow[]>> {
  const page = await server.store.pull(centreId, 0, 1_000_000);
  const rows = new Map<TableName, AnyRow[]>(TABLE_NAMES.map((t) => [t, []]));
  for (const row of page.rows) rows.get(row.table)!.push(JSON.parse(row.json) as AnyRow);
  for (const list of rows.values()) list.sort((a, b) => a.id.localeCompare(b.id));
  return rows;
}

async function tabletRows(db: CunzhanDb, table: TableName): Promise<AnyRow[]> {
  return (await allSyncedRows(db, table)).sort((a, b) => a.id.localeCompare(b.id));
}

/** Runs one action; a command the tablet itself refuses (e.g. staff deactivated) changes nothing. */
async function perform(
  a: Action,
  tablets: Tablet[],
  contexts: CommandContext[][],
  toggle: () => Promise<void>,
  sold: Set<string>,
): Promise<void> {
  if (a.type === 'toggleStaff') return toggle();
  const tablet = tablets[a.device]!;
  if ('drop' in a) {
    tablet.dropNext.value = a.drop;
    tablet.overtake.value = a.overtake;
    const run = a.type === 'push' ? tablet.engine.push() : a.type === 'pull' ? tablet.engine.pull() : tablet.engine.runOnce();
    await run.catch((e: unknown) => {
      if (!(e instanceof AppError) || e.code !== 'server_unreachable') throw e;
    });
    tablet.dropNext.value = false;
    tablet.overtake.value = false;
    if (a.sweep) await sweepAnswered(tablet.db);
    return;
  }
  const ctx = contexts[a.device]![a.staff]!;
  if (a.type === 'village') {
    try {
      for (const saleId of await performVillageAction(a, tablet.db, ctx)) sold.add(saleId);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'invalid_input') throw e;
    }
    return;
  }
  const products = await tablet.db.products.orderBy('id').toArray();
  try {
    if (a.type === 'create') {
      // Every third new product is weighed, filed and pinned: sold and received in decimals below.
      const selling = a.value % 3 === 0 ? { unitNames: { 'zh-CN': '公斤', en: 'kg' }, soldBy: 'weight' as const, category: 'grainOil' as const, pinned: a.value % 2 === 0 } : {};
      await createProduct(
        { sku: `N-${a.value}`, barcode: String(a.value), names: { en: `New ${a.value}` }, unit: 'kg', priceFen: a.value, lowStockThreshold: 1, ...selling },
        ctx,
      );
      return;
    }
    const p = products[a.product % products.length]!;
    if (a.type === 'sale') {
      const second = products[(a.product + 1) % products.length]!;
      const lines = a.lines === 2 && second.id !== p.id ? [p, second] : [p];
      const qtyOf = (l: { soldBy?: string | undefined }) => (l.soldBy === 'weight' ? a.qty - 0.125 : a.qty);
      const sale = await completeSale({ lines: lines.map((l) => ({ productId: l.id, qty: qtyOf(l) })), tenderedFen: 10_000_000 }, ctx);
      sold.add(sale.id);
    } else if (a.type === 'receive') {
      await receiveStock({ productId: p.id, qty: p.soldBy === 'weight' ? a.qty + 0.3 : a.qty, note: '' }, ctx);
    } else if (a.type === 'adjust') {
      await adjustStock({ productId: p.id, delta: a.delta, reason: a.reason, note: '' }, ctx);
    } else {
      const patch =
        a.field === 'price' ? { priceFen: a.value }
        : a.field === 'name' ? { names: { ...p.names, en: `Renamed ${a.value}` } }
        : a.field === 'threshold' ? { lowStockThreshold: a.value % 5 }
        : a.field === 'selling' ? { category: a.value % 2 === 0 ? ('drinks' as const) : ('' as const), pinned: a.value % 3 === 0 }
        : { active: a.value % 2 === 0 };
      await updateProduct(p.id, patch, ctx);
    }
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'invalid_input') throw e;
  }
}

describe('sync convergence (property)', () => {
  it(
    'every tablet converges to the server, with stock equal to its movements and nothing duplicated',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 30 }), fc.integer({ min: 0, max: 2 }), async (actions, openingStock) => {
          const now = new Date().toISOString();
          const centre = await createCentre(server.store, { en: 'Property centre' }, now);
          // Admins, who may run every kind; each signs with the key their PIN unlocks.
          const signed: { staff: Staff; keys: StaffKeys }[] = [];
          for (const name of ['甲', '乙']) {
            const { staff, signer } = await addSignedStaff(server.store, { centreId: centre.id, name, role: 'admin', pin: '135790' });
            signed.push({ staff, keys: await staffKeysOf(signer.secret, signer.keyId) });
          }
          const people = signed.map((p) => p.staff);
          await serverProducts({ ...server, centre, staff: people[0]! }, 3, openingStock);

          const tablets: Tablet[] = [];
          for (let i = 0; i < DEVICES; i++) {
            const db = freshDb(`prop-${i}`);
            const dropNext = { value: false };
            const link = overtakingLink(server.transport);
            const transport = droppingTransport(link.transport, dropNext);
            const { code } = await issueEnrolCode(server.store, centre.id, 1);
            const info = await enrolDevice(code, `tablet ${i}`, { db, fetch: server.transport, baseUrl: BASE_URL });
            const engine = createSyncEngine({ db, transport, baseUrl: BASE_URL, pushBatch: PUSH_BATCH });
            await engine.runOnce();
            tablets.push({ db, engine, deviceId: info.deviceId, dropNext, overtake: link.overtake });
          }
          const contexts = tablets.map((t) =>
            signed.map((s) => ({ db: t.db, staffId: s.staff.id, deviceId: t.deviceId, centreId: centre.id, keys: s.keys })),
          );
          // The second person is deactivated and reactivated on the server: their queued changes get refused.
          let secondActive = true;
          const toggle = async () => {
            secondActive = !secondActive;
            const row = { ...people[1]!, active: secondActive, updatedAt: new Date().toISOString() };
            await writeServerRows(server.store, centre.id, [{ table: 'staff', row }]);
          };

          const sold = new Set<string>();
          for (const a of actions) await perform(a, tablets, contexts, toggle, sold);

          // Everyone pushes, then everyone pulls what the others pushed.
          for (const t of tablets) await t.engine.runOnce();
          for (const t of tablets) await t.engine.pull();

          const truth = await serverRows(centre.id);
          // In whole thousandths, as stockFromRows: weights have three decimals, and float sums of them drift.
          const serverMilli = new Map<string, number>();
          const add = (productId: string, qty: number) => serverMilli.set(productId, (serverMilli.get(productId) ?? 0) + Math.round(qty * 1000));
          for (const m of truth.get('movements') as { productId: string; delta: number }[]) add(m.productId, m.delta);
          for (const s of truth.get('sales') as { lines: { productId: string; qty: number }[] }[]) {
            for (const l of s.lines) add(l.productId, -l.qty);
          }
          const serverStock = new Map([...serverMilli].map(([id, m]) => [id, m / 1000]));
          for (const t of tablets) {
            for (const table of TABLE_NAMES) expect(await tabletRows(t.db, table)).toEqual(truth.get(table));
            expect(await waitingCount(t.db)).toBe(0);
            expect(await t.db.shadow.count()).toBe(0);
            const cached = await cachedLevels(t.db);
            expect(cached).toEqual(nonZero(await stockFromRows(t.db)));
            expect(cached).toEqual(nonZero(serverStock));
          }
          // Every sale a tablet confirmed is on the server exactly once, or was refused and shown.
          const serverSales = truth.get('sales')!.map((s) => s.id);
          let refusedSales = 0;
          for (const t of tablets) refusedSales += await t.db.refusals.filter((r) => r.kind === 'sale.create').count();
          expect(serverSales.every((id) => sold.has(id))).toBe(true);
          expect(serverSales.length + refusedSales).toBe(sold.size);
        }),
        { numRuns: 35 },
      );
    },
    240_000,
  );
});
