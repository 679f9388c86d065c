import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { parcelIdFor } from '../../../src/shared/domain/deterministic-id';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { API } from '../../../src/shared/protocol/endpoints';
import { PROTOCOL_VERSION } from '../../../src/shared/protocol/version';
import { sign, type TestSigner } from '../../support/signing';

/** What the fuzz knows of the server: one enrolled device and its centre's clerk. */
export interface FuzzTarget {
  deviceId: string;
  token: string;
  staffId: string;
  /** The clerk's key: near-valid pushes are signed, so they pass the proof and fail later. */
  signer: TestSigner;
  /** A villager of the centre: a near-valid customer.create names them again, so it cannot apply either. */
  villagerId: string;
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  /** For a failing case's report: what the body was made as. */
  label: string;
}

const odd = [
  'x\u0000y',
  '\ud800',
  'a\udc00b',
  '\ud83d',
  '\u0000',
  '',
  ' ',
  '1e400',
  '-0',
  '__proto__',
  'constructor',
  '💥'.repeat(50),
  'x'.repeat(5000),
];

/** Values wrong somewhere: edge numbers, unstorable text, wrong types, deep and wide shapes. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, 0, -1, 1.5, 2 ** 53, -(2 ** 63), Number.MAX_VALUE, 1e21, [], {}, ...odd),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 1, max: 300 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown),
);

const saleArgs = (n: number) => ({
  saleId: uuidv7(),
  receiptNo: `F-${n}`,
  lines: [{ productId: uuidv7(), names: { en: 'Nothing' }, unit: '个', unitPriceFen: 100, qty: 1 }],
  tenderedFen: 100,
});

/**
 * Args of every kind, well formed, that cannot apply for the clerk who
 * signs them (but the cash-up: a clerk may always count their own till): an unknown product, villager, order or parcel, a villager that
 * exists already, or a kind only an admin may run. Where one edit of the
 * fuzz (an id set to null) could make it apply, two things are unknown.
 */
function nearValidArgs(target: FuzzTarget): [kind: string, args: unknown][] {
  const trackingNo = `YT75${Date.now()}`;
  const lines = [{ name: '羽绒服', qty: 2, unitPriceFen: 15900 }];
  const villager = { name: '张桂兰', consent: true, phone: '13899120417', village: '红旗村', household: '张家', householdSize: 5, notes: '' };
  return [
    ['sale.create', saleArgs(1)],
    ['sale.create', saleArgs(2)],
    // Weighed goods: a decimal quantity and a unit named in each language, of a product no one made.
    ['sale.create', { ...saleArgs(3), lines: [{ ...saleArgs(3).lines[0]!, unit: '公斤', unitNames: { 'zh-CN': '公斤', en: 'kg', ug: 'كىلوگرام' }, qty: 2.345 }] }],
    ['stock.receive', { movementId: uuidv7(), productId: uuidv7(), qty: 12.5, note: '' }],
    // An admin's alone: products with their unit, way of selling, category and quick key.
    [
      'product.create',
      {
        id: uuidv7(), sku: 'RICE-LOOSE', barcode: '', names: { 'zh-CN': '散装大米', en: 'Loose rice' }, unit: '公斤', priceFen: 460, lowStockThreshold: 5,
        unitNames: { 'zh-CN': '公斤', en: 'kg', ug: 'كىلوگرام' }, soldBy: 'weight', category: 'grainOil', pinned: true,
      },
    ],
    ['product.update', { id: uuidv7(), patch: { soldBy: 'piece', category: '', pinned: false, unitNames: { en: 'tray' } } }],
    ['customer.create', { customerId: target.villagerId, ...villager }],
    ['customer.update', { customerId: uuidv7(), patch: { name: '王芳', phone: '+86 138 1234 5678' } }],
    ['customer.merge', { survivorId: target.villagerId, mergedId: uuidv7() }],
    ['customer.delete', { customerId: target.villagerId }],
    ['platform.create', { platformId: uuidv7(), names: { 'zh-CN': '闲鱼', en: 'Xianyu' } }],
    ['platform.update', { platformId: uuidv7(), patch: { active: false } }],
    [
      'order.create',
      { orderId: uuidv7(), customerId: uuidv7(), platformId: uuidv7(), platformOrderNo: '3887120943357206418', lines, deliveryFeeFen: 0, serviceFeeFen: 300, depositFen: 0, totalFen: 32100, status: 'placed' },
    ],
    ['order.transition', { orderId: uuidv7(), from: 'placed', to: 'paid' }],
    ['parcel.log', { parcelId: parcelIdFor(trackingNo), trackingNo, carrier: '圆通速递', customerId: uuidv7(), orderId: uuidv7(), pickupCode: '123456' }],
    ['parcel.match', { parcelId: uuidv7(), customerId: target.villagerId, orderId: null }],
    ['parcel.handover', { parcelId: uuidv7(), method: 'code', code: '123456' }],
    ['parcel.return', { parcelId: uuidv7() }],
    // An admin's alone.
    ['settings.update', { patch: { historyMonths: 6, returnAfterDays: 10 } }],
    ['settings.update', { patch: { centrePhone: '0991-555 0123' } }],
    ['sale.void', { refundId: uuidv7(), saleId: uuidv7(), receiptNo: 'V-1', reason: '收错' }],
    ['sale.create', { ...saleArgs(1), customerId: uuidv7(), payments: [{ means: 'credit', amountFen: 100 }], tenderedFen: 0 }],
    // Past the limit, allowed by an admin no one knows.
    ['sale.create', { ...saleArgs(1), customerId: uuidv7(), payments: [{ means: 'credit', amountFen: 100 }], tenderedFen: 0, creditApprovedBy: uuidv7() }],
    ['credit.repay', { repaymentId: uuidv7(), receiptNo: 'P-1', customerId: uuidv7(), amountFen: 1500, payments: [{ means: 'cash', amountFen: 1500 }], tenderedFen: 2000 }],
    ['sale.refund', { refundId: uuidv7(), saleId: uuidv7(), receiptNo: 'F-1', lines: [{ lineIndex: 0, qty: 1 }], reason: '退货' }],
    // Trainers' and admins' alone, and for a session no one started.
    ['training.sessionStart', { sessionId: uuidv7(), packId: 'sell-produce-online', courseTitle: { en: 'Selling online' }, scope: 'lesson', lessons: [{ id: 'photos', title: { en: 'Photos' }, questions: 1 }] }],
    ['training.attend', { sessionId: uuidv7(), customerId: target.villagerId, present: true }],
    ['training.answer', { sessionId: uuidv7(), customerId: uuidv7(), lessonId: 'photos', stepId: 'quiz', answer: 'bright', correct: true }],
    ['training.sessionEnd', { sessionId: uuidv7() }],
    // Trainers' and admins' alone: a lesson variant and its photo.
    ['training.variantPhoto', { sha256: 'c6f4b1e3d0a6f6b2e2bf1f6a1f3c9a4bd0f5b0e7c8f1a2b3c4d5e6f708192a3b', type: 'image/jpeg', data: '/9j/4AAQ' }],
    [
      'training.variantSave',
      { packId: 'sell-produce-online', lessonId: 'photos', baseVersion: 1, baseHash: 'b'.repeat(64), order: ['intro', 'light'], hidden: ['light'], texts: { intro: { en: 'Our way' } }, photos: [] },
    ],
  ];
}

/** A push body the server would take, but that names nothing it can apply to (nearValidArgs). */
function nearValidPush(target: FuzzTarget) {
  return {
    protocolVersion: PROTOCOL_VERSION,
    deviceId: target.deviceId,
    mutations: nearValidArgs(target).map(([kind, args]) =>
      sign(target.signer, { id: uuidv7(), kind, staffId: target.staffId, createdAt: new Date().toISOString(), args }, target.deviceId),
    ),
  };
}

type Container = Record<string, unknown> | unknown[];

function containersOf(value: unknown, found: Container[] = []): Container[] {
  if (typeof value !== 'object' || value === null) return found;
  found.push(value as Container);
  for (const child of Object.values(value)) containersOf(child, found);
  return found;
}

/** A copy of `valid` with a few fields replaced, deleted or added. */
const mutatedPush = (target: FuzzTarget) =>
  fc
    .array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('replace', 'delete', 'add'), oddValue), { minLength: 1, maxLength: 3 })
    .map((edits) => {
      const body: unknown = nearValidPush(target);
      for (const [where, which, edit, value] of edits) {
        const containers = containersOf(body);
        const at = containers[where % containers.length]! as Record<string, unknown>;
        const keys = Object.keys(at);
        const key = keys.length > 0 ? keys[which % keys.length]! : 'extra';
        if (edit === 'replace') at[key] = value;
        else if (edit === 'delete') delete at[key];
        else at[`${key}_`] = value;
      }
      return body;
    });

const text = (value: string) => new TextEncoder().encode(value);

function bodies(target: FuzzTarget): fc.Arbitrary<{ body: Uint8Array | undefined; label: string; gzip?: boolean }> {
  const json = (label: string) => (value: unknown) => ({ body: text(JSON.stringify(value) ?? 'null'), label });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({ body: undefined, label: 'none' }) },
    { weight: 3, arbitrary: fc.jsonValue().map(json('json')) },
    { weight: 6, arbitrary: mutatedPush(target).map(json('near-valid push')) },
    { weight: 2, arbitrary: fc.constant(null).map(() => nearValidPush(target)).map(json('valid push, unknown rows')) },
    {
      weight: 2,
      arbitrary: fc
        .record({ code: fc.oneof(fc.string(), fc.constantFrom(...odd)), deviceName: fc.oneof(fc.string(), fc.constantFrom(...odd)), deviceSecret: fc.option(fc.string()) })
        .map(json('enrol')),
    },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((body) => ({ body, label: 'bytes' })) },
    {
      weight: 2,
      arbitrary: fc.tuple(mutatedPush(target), fc.nat()).map(([value, cut]) => {
        const zipped = gzipSync(JSON.stringify(value));
        return { body: zipped.subarray(0, cut % zipped.length), label: 'cut gzip' };
      }),
    },
    { weight: 1, arbitrary: mutatedPush(target).map((value) => ({ body: gzipSync(JSON.stringify(value)), label: 'gzip push', gzip: true })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{"protocolVersion":1e400}', '{"after":99999999999999999999}', '[1e309]', '{"a":-0}').map((s) => ({ body: text(s), label: 'numbers' })),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((n) => ({ body: text('['.repeat(n) + ']'.repeat(n)), label: 'deep' })) },
    { weight: 1, arbitrary: fc.constantFrom('"\\u0000"', '{"code":"\\ud800abcd","deviceName":"x"}', '"\\udfff"').map((s) => ({ body: text(s), label: 'escapes' })) },
  );
}

const pullQueries = fc
  .tuple(fc.oneof(fc.nat(), fc.string(), fc.constantFrom('-1', '1e3', '9'.repeat(30), '0x10')), fc.option(fc.oneof(fc.nat({ max: 10_000 }), fc.string())))
  .map(([after, limit]) => `${API.pull}?after=${encodeURIComponent(String(after))}${limit === null ? '' : `&limit=${encodeURIComponent(String(limit))}`}`);

/** The closed history's query: a seq, a villager key and a limit, each well-formed or not, each there or not. */
const historyQueries = fc
  .record({
    upTo: fc.option(fc.oneof(fc.nat(), fc.string(), fc.constantFrom('-1', '9'.repeat(30), '1e3'))),
    after: fc.option(fc.oneof(fc.uuid(), fc.string(), fc.constantFrom('', 'ABCDEF00-0000-7000-8000-000000000000'))),
    limit: fc.option(fc.oneof(fc.nat({ max: 10_000 }), fc.string())),
  })
  .map((query) => {
    const params = Object.entries(query).flatMap(([key, value]) => (value === null ? [] : [`${key}=${encodeURIComponent(String(value))}`]));
    return `${API.history}${params.length > 0 ? `?${params.join('&')}` : ''}`;
  });

const anyMethod = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS');

/** Mostly each route with its own method (so bodies reach the handlers), sometimes anything anywhere. */
const routes: fc.Arbitrary<{ method: string; path: string }> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ method: 'GET', path: API.health }) },
  { weight: 4, arbitrary: fc.constant({ method: 'POST', path: API.enrol }) },
  { weight: 10, arbitrary: fc.constant({ method: 'POST', path: API.push }) },
  { weight: 4, arbitrary: fc.oneof(fc.constant(API.pull), pullQueries).map((path) => ({ method: 'GET', path })) },
  { weight: 3, arbitrary: historyQueries.map((path) => ({ method: 'GET', path })) },
  {
    weight: 3,
    arbitrary: fc.record({
      method: anyMethod,
      path: fc.oneof(
        fc.constantFrom(API.health, API.enrol, API.push, API.pull, API.history, '/api', '/api/', '/api/sync', '/api/sync/push/', '/api/nope', '/API/health', '/', '/index.html'),
        fc.webPath().map((p) => `/api${p.startsWith('/') ? p : `/${p}`}`),
      ),
    }),
  },
);

/** Requests to every endpoint and beyond, with valid and invalid tokens and every kind of bad body. */
export function fuzzRequests(target: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      route: routes,
      token: fc.oneof(
        { weight: 5, arbitrary: fc.constant(`Bearer ${target.token}`) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.string().map((s) => `Bearer ${s.replace(/[^\x20-\x7e]/g, '')}`) },
        { weight: 1, arbitrary: fc.constantFrom(`Bearer ${target.token}x`, `bearer ${target.token}`, target.token, 'Basic abc', `Bearer ${'A'.repeat(300)}`) },
      ),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/jsonx', '') },
      ),
      encoding: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('gzip', 'identity', 'br', 'deflate, gzip', 'GZIP') }),
      payload: bodies(target),
    })
    .map(({ route: { method, path }, token, contentType, encoding, payload }) => {
      const headers: Record<string, string> = {};
      if (token !== undefined) headers.authorization = token;
      if (contentType !== undefined) headers['content-type'] = contentType;
      const zipped = payload.gzip ? 'gzip' : encoding;
      if (zipped !== undefined) headers['content-encoding'] = zipped;
      const body = method === 'GET' ? undefined : payload.body;
      return { method, path, headers, body, label: payload.label };
    });
}
