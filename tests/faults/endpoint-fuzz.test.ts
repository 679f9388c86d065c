import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../src/shared/protocol/endpoints';
import type { EnrolResponse, PushResponse } from '../../src/shared/protocol/messages';
import { PROTOCOL_VERSION } from '../../src/shared/protocol/version';
import { uuidv7 } from '../../src/shared/domain/ids';
import { storeKinds } from '../server/support/stores';
import { fuzzRequests, type FuzzRequest, type FuzzTarget } from './support/fuzz-requests';
import { inspectDb, type DbInspector } from './support/inspect-db';
import { startInProcessServer, type InProcessServer } from './support/in-process-server';
import { sign } from '../support/signing';

/** The bench raises it (CUNZHAN_FUZZ_RUNS=20000); `npm test` runs this many on each store. */
const RUNS = Number(process.env.CUNZHAN_FUZZ_RUNS) || 2000;
const ENDPOINTS: readonly string[] = Object.values(API);

interface Answer {
  status: number;
  body: unknown;
}

async function send(server: InProcessServer, request: FuzzRequest): Promise<Answer> {
  const init: RequestInit = { method: request.method, headers: request.headers };
  if (request.body !== undefined) init.body = new Uint8Array(request.body);
  const response = await server.app.request(request.path, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = { notJson: text.slice(0, 200) };
  }
  return { status: response.status, body };
}

/** The answer's shape: JSON always; an error code on every 4xx; never a 5xx; 2xx only where a route is. */
function checkAnswer(request: FuzzRequest, { status, body }: Answer): void {
  const where = `${request.method} ${request.path} [${request.label}] → ${status} ${JSON.stringify(body).slice(0, 300)}`;
  expect(status, where).toBeLessThan(500);
  expect(typeof body === 'object' && body !== null && !('notJson' in body), where).toBe(true);
  if (status >= 400) {
    expect(typeof (body as { error?: unknown }).error, where).toBe('string');
    return;
  }
  expect(status, where).toBeGreaterThanOrEqual(200);
  expect(status, where).toBeLessThan(300);
  expect(ENDPOINTS.includes(new URL(request.path, 'http://x').pathname), where).toBe(true);
  expect((body as { error?: unknown }).error, where).toBeUndefined();
}

/**
 * Fuzzed bad input on every endpoint (DESIGN §8): whatever arrives, the
 * server answers with a JSON error and a 4xx (or a 2xx for a valid request),
 * stays up, and changes nothing in its database but records of refusals.
 */
describe.each(storeKinds())('every endpoint under fuzzed requests, on $name', (kind) => {
  let server: InProcessServer;
  let db: DbInspector;
  let target: FuzzTarget;

  beforeAll(async () => {
    server = await startInProcessServer(kind);
    db = await inspectDb(server.location);
    const enrol = await send(server, {
      method: 'POST',
      path: API.enrol,
      headers: { 'content-type': 'application/json' },
      body: new TextEncoder().encode(JSON.stringify({ code: await server.issueCode(), deviceName: 'Fuzz tablet' })),
      label: 'set-up',
    });
    expect(enrol.status).toBe(200);
    const device = enrol.body as EnrolResponse;
    target = { deviceId: device.deviceId, token: device.token, staffId: server.clerk.id, signer: server.signer, villagerId: server.villager.id };
  });
  afterAll(async () => {
    await db?.close();
    await server?.close();
  });

  it(`answers ${RUNS} fuzzed requests with JSON and no 5xx, and stores nothing but refusals`, async () => {
    const tables = ['centres', 'devices', 'enrol_codes', 'rows'] as const;
    const before = await Promise.all(tables.map((t) => db.snapshot(t)));
    const appliedBefore = new Set((await db.applied()).map((m) => m.id));
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(fuzzRequests(target), async (request) => {
        const answer = await send(server, request);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        checkAnswer(request, answer);
      }),
      { numRuns: RUNS },
    );
    console.log(`fuzz on ${kind.name}: statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);

    // Not vacuous: valid requests got through and bad ones were turned away in several ways.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 20);
    expect([...statuses.keys()].filter((s) => s >= 400).length).toBeGreaterThanOrEqual(4);

    const after = await Promise.all(tables.map((t) => db.snapshot(t)));
    tables.forEach((table, i) => expect(after[i], table).toEqual(before[i]));
    const added = (await db.applied()).filter((m) => !appliedBefore.has(m.id));
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((m) => m.result.status !== 'refused')).toEqual([]);

    // Still up and still right: a real sale applies.
    expect((await send(server, { method: 'GET', path: API.health, headers: {}, body: undefined, label: 'health' })).status).toBe(200);
    const product = server.products[0]!;
    const sale = sign(
      server.signer,
      {
        id: uuidv7(),
        kind: 'sale.create',
        staffId: target.staffId,
        createdAt: new Date().toISOString(),
        args: {
          saleId: uuidv7(),
          receiptNo: 'F-OK',
          lines: [{ productId: product.id, names: product.names, unit: product.unit, unitPriceFen: product.priceFen, qty: 1 }],
          tenderedFen: product.priceFen,
        },
      },
      target.deviceId,
    );
    const pushed = await send(server, {
      method: 'POST',
      path: API.push,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
      body: new TextEncoder().encode(JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: target.deviceId, mutations: [sale] })),
      label: 'after',
    });
    expect(pushed.status).toBe(200);
    expect((pushed.body as PushResponse).results).toEqual([{ id: sale.id, status: 'applied' }]);
  });
});
