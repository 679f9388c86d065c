import type { Hono } from 'hono';
import { parcelIdFor } from '../../../src/shared/domain/deterministic-id';
import type { SyncedTables, TableName } from '../../../src/shared/domain/entities';
import { uuidv7 } from '../../../src/shared/domain/ids';
import type { OrderStatus } from '../../../src/shared/domain/order-status';
import type { MutationEnvelope, PushResponse } from '../../../src/shared/protocol/messages';
import type { Store } from '../../../src/server/store/store';
import { standardPlatformId } from '../../../src/server/seed/platforms';
import { push, pushBody, signed, type TestCentre } from './centre';

/** Signed builders of the villagers, orders and parcels kinds, as a tablet of `t` pushes them. */

export function villageMutation(t: TestCentre, kind: string, args: unknown, staffId = t.clerk.id, deviceId = t.device.deviceId): MutationEnvelope {
  return signed(t, { id: uuidv7(), kind, staffId, createdAt: new Date().toISOString(), args }, deviceId);
}

export function villagerArgs(fields: Partial<{ customerId: string; name: string; consent: boolean; phone: string; village: string }> = {}) {
  const consent = fields.consent ?? true;
  return {
    customerId: fields.customerId ?? uuidv7(),
    name: fields.name ?? '张桂兰',
    consent,
    phone: consent ? (fields.phone ?? '13899120417') : '',
    village: consent ? (fields.village ?? '红旗村') : '',
    household: consent ? '张建国家' : '',
    householdSize: consent ? 5 : 0,
    notes: '',
  };
}

export function orderArgs(t: TestCentre, customerId: string, overrides: Record<string, unknown> = {}) {
  const lines = [
    { name: '儿童羽绒服 130码', qty: 2, unitPriceFen: 15900 },
    { name: '手机壳', qty: 1, unitPriceFen: 1990 },
  ];
  return {
    orderId: uuidv7(),
    customerId,
    platformId: standardPlatformId(t.centre.id, 'taobao'),
    platformOrderNo: '3887120943357206418',
    lines,
    deliveryFeeFen: 800,
    serviceFeeFen: 300,
    depositFen: 5000,
    totalFen: 2 * 15900 + 1990 + 800 + 300,
    status: 'placed',
    ...overrides,
  };
}

let tracking = 0;

export function parcelArgs(fields: Partial<{ trackingNo: string; customerId: string | null; orderId: string | null; pickupCode: string }> = {}) {
  const trackingNo = fields.trackingNo ?? `SF14${Date.now() % 1e8}${++tracking}`;
  return {
    parcelId: parcelIdFor(trackingNo),
    trackingNo,
    carrier: '顺丰速运',
    customerId: fields.customerId ?? null,
    orderId: fields.orderId ?? null,
    pickupCode: fields.pickupCode ?? String(100_000 + Math.floor(Math.random() * 900_000)),
  };
}

export const transitionArgs = (orderId: string, from: OrderStatus, to: OrderStatus) => ({ orderId, from, to });

/** Pushes as `t`'s tablet (or another of its tablets, by token) and gives each result as 'applied' or its code. */
export async function pushed(app: Hono, t: TestCentre, mutations: MutationEnvelope[], token = t.device.token, deviceId = t.device.deviceId) {
  const body = { ...pushBody(t, mutations), deviceId };
  const res = (await (await push(app, token, body)).json()) as PushResponse;
  return res.results.map((r) => (r.status === 'refused' ? r.code : r.status));
}

/** The full results, details included. */
export async function pushedResults(app: Hono, t: TestCentre, mutations: MutationEnvelope[], token = t.device.token, deviceId = t.device.deviceId) {
  const body = { ...pushBody(t, mutations), deviceId };
  return ((await (await push(app, token, body)).json()) as PushResponse).results;
}

/** Every row of a table of the centre, as the server holds it. */
export async function rowsOf<T extends TableName>(store: Store, centreId: string, table: T): Promise<SyncedTables[T][]> {
  const page = await store.pull(centreId, 0, 1_000_000);
  return page.rows.filter((r) => r.table === table).map((r) => JSON.parse(r.json) as SyncedTables[T]);
}

export async function rowOf<T extends TableName>(store: Store, centreId: string, table: T, id: string): Promise<SyncedTables[T] | undefined> {
  return (await rowsOf(store, centreId, table)).find((r) => r.id === id);
}
