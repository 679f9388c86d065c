import type { Hono } from 'hono';
import { expect } from 'vitest';
import { createCentre, writeServerRows } from '../../../src/server/admin/operations';
import { issueEnrolCode } from '../../../src/server/auth/enrol-codes';
import type { Store } from '../../../src/server/store/store';
import type { AnyRow, Centre, Product, Sale, Staff, StockMovement } from '../../../src/shared/domain/entities';
import { uuidv7 } from '../../../src/shared/domain/ids';
import type { EnrolResponse, MutationEnvelope, PullResponse } from '../../../src/shared/protocol/messages';
import { PROTOCOL_VERSION } from '../../../src/shared/protocol/version';
import { addSignedStaff, sign, TEST_PINS, type TestSigner, type Unsigned } from '../../support/signing';

export interface TestCentre {
  centre: Centre;
  clerk: Staff;
  admin: Staff;
  /** Each staff member's signer, by staff id. */
  signers: Map<string, TestSigner>;
  rice: Product;
  /** An enrolled tablet of this centre. */
  device: EnrolResponse;
}

export function productRow(centreId: string, createdBy: string, sku: string, priceFen: number): Product {
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    centreId,
    sku,
    barcode: `69${Math.floor(Math.random() * 1e11)}`,
    names: { 'zh-CN': `商品 ${sku}`, en: `Product ${sku}` },
    unit: '袋',
    priceFen,
    kind: 'stock',
    lowStockThreshold: 2,
    active: true,
    createdAt: now,
    updatedAt: now,
    createdBy,
  };
}

export async function enrol(app: Hono, code: string, deviceName = 'Counter tablet'): Promise<Response> {
  return app.request('/api/enrol', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName }),
  });
}

/** Enrols one more tablet in a centre, with a fresh code. */
export async function enrolDevice(store: Store, app: Hono, centreId: string, deviceName = 'Counter tablet'): Promise<EnrolResponse> {
  const { code } = await issueEnrolCode(store, centreId, 1);
  const res = await enrol(app, code, deviceName);
  if (res.status !== 200) throw new Error(`enrol failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as EnrolResponse;
}

/** A centre with an admin, a clerk, one product, and one enrolled tablet. */
export async function makeCentre(store: Store, app: Hono, label: string): Promise<TestCentre> {
  const centre = await createCentre(store, { 'zh-CN': `${label}站`, en: `${label} centre` });
  const admin = await addSignedStaff(store, { centreId: centre.id, name: `${label} admin`, role: 'admin', pin: TEST_PINS.admin });
  const clerk = await addSignedStaff(store, { centreId: centre.id, name: `${label} clerk`, role: 'clerk', pin: TEST_PINS.clerk });
  const rice = productRow(centre.id, clerk.staff.id, `RICE-${label}`, 3990);
  await writeServerRows(store, centre.id, [{ table: 'products', row: rice }]);
  const signers = new Map([admin, clerk].map((s) => [s.staff.id, s.signer]));
  return { centre, clerk: clerk.staff, admin: admin.staff, signers, rice, device: await enrolDevice(store, app, centre.id) };
}

/**
 * `m` signed for the centre's tablet by its staff member (by `m.staffId`),
 * or left unsigned when the centre knows no such staff member.
 */
export function signed(t: TestCentre, m: Unsigned, deviceId = t.device.deviceId): MutationEnvelope {
  const signer = t.signers.get(m.staffId);
  return signer ? sign(signer, m, deviceId) : m;
}

let receiptCounter = 0;

export function saleMutation(t: TestCentre, qty = 1, tenderedFen?: number, productId = t.rice.id): MutationEnvelope {
  const total = t.rice.priceFen * qty;
  return signed(t, {
    id: uuidv7(),
    kind: 'sale.create',
    staffId: t.clerk.id,
    createdAt: new Date().toISOString(),
    args: {
      saleId: uuidv7(),
      receiptNo: `R-${++receiptCounter}`,
      lines: [{ productId, names: t.rice.names, unit: t.rice.unit, unitPriceFen: t.rice.priceFen, qty }],
      tenderedFen: tenderedFen ?? total,
    },
  });
}

/** `m` changed by `patch` and signed again, as a tablet that made it so would have. */
export function resigned(t: TestCentre, m: MutationEnvelope, patch: Partial<Unsigned>, deviceId = t.device.deviceId): MutationEnvelope {
  const { keyId: _keyId, proof: _proof, ...unsigned } = m;
  return signed(t, { ...unsigned, ...patch }, deviceId);
}

/** A new product, created by the centre's admin as a tablet would push it. */
export function productCreateMutation(t: TestCentre, id: string, staffId = t.admin.id): MutationEnvelope {
  return signed(t, {
    id: uuidv7(),
    kind: 'product.create',
    staffId,
    createdAt: new Date().toISOString(),
    args: { id, sku: `S-${id.slice(-6)}`, barcode: '', names: { 'zh-CN': '醋' }, unit: '瓶', priceFen: 650, lowStockThreshold: 2 },
  });
}

/** A product edit by the centre's admin (or `staffId`), as a tablet of `t` would push it. */
export function productUpdateMutation(t: TestCentre, productId: string, patch: Record<string, unknown>, staffId = t.admin.id): MutationEnvelope {
  return signed(t, {
    id: uuidv7(),
    kind: 'product.update',
    staffId,
    createdAt: new Date().toISOString(),
    args: { id: productId, patch },
  });
}

export function receiveMutation(t: TestCentre, productId: string, qty: number): MutationEnvelope {
  return signed(t, {
    id: uuidv7(),
    kind: 'stock.receive',
    staffId: t.clerk.id,
    createdAt: new Date().toISOString(),
    args: { movementId: uuidv7(), productId, qty, note: '' },
  });
}

/** A stock adjustment (negative: a write-off) by `staffId` (the clerk unless named). */
export function adjustMutation(t: TestCentre, productId: string, delta: number, staffId = t.clerk.id): MutationEnvelope {
  return signed(t, {
    id: uuidv7(),
    kind: 'stock.adjust',
    staffId,
    createdAt: new Date().toISOString(),
    args: { movementId: uuidv7(), productId, delta, reason: delta < 0 ? 'damage' : 'count', note: '' },
  });
}

export function pushBody(t: TestCentre, mutations: MutationEnvelope[]) {
  return { protocolVersion: PROTOCOL_VERSION, deviceId: t.device.deviceId, mutations };
}

export function push(app: Hono, token: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: typeof body === 'string' ? body : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body),
    }),
  );
}

export function pull(app: Hono, token: string, after: number, limit?: number): Promise<Response> {
  const query = limit === undefined ? `after=${after}` : `after=${after}&limit=${limit}`;
  return Promise.resolve(app.request(`/api/sync/pull?${query}`, { headers: { authorization: `Bearer ${token}` } }));
}

/** Every page from `after` on, as a tablet pulls them; the cursor never goes back. */
export async function pullFrom(app: Hono, token: string, after: number, limit?: number) {
  const pages: PullResponse[] = [];
  let cursor = after;
  for (;;) {
    const page = (await (await pull(app, token, cursor, limit)).json()) as PullResponse;
    expect(page.cursor).toBeGreaterThanOrEqual(cursor);
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const all = (table: keyof PullResponse['rows']) => pages.flatMap((p) => (p.rows[table] ?? []) as AnyRow[]);
  return { pages, cursor, sales: all('sales') as Sale[], movements: all('movements') as StockMovement[], products: all('products') as Product[] };
}
