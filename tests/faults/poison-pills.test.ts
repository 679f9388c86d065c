import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../src/client/data/db';
import { uuidv7 } from '../../src/shared/domain/ids';
import { API } from '../../src/shared/protocol/endpoints';
import type { PushResponse } from '../../src/shared/protocol/messages';
import { PROTOCOL_VERSION } from '../../src/shared/protocol/version';
import { storeKinds } from '../server/support/stores';
import { inspectDb, type DbInspector } from './support/inspect-db';
import { startInProcessServer, type InProcessServer } from './support/in-process-server';
import { enrolNodeTablet, type NodeTablet } from './support/node-tablet';
import { sign } from '../support/signing';

/** Text no store can hold: PostgreSQL refuses NUL, neither keeps half a surrogate pair as UTF-8. */
const POISONS: readonly ((args: SaleArgs) => SaleArgs)[] = [
  (args) => ({ ...args, receiptNo: 'R\u0000X' }),
  (args) => ({ ...args, lines: args.lines.map((l) => ({ ...l, names: { en: 'Rice\ud800' } })) }),
  (args) => ({ ...args, lines: args.lines.map((l) => ({ ...l, unit: '\udc00' })) }),
];

interface SaleArgs {
  saleId: string;
  receiptNo: string;
  lines: { productId: string; names: Partial<Record<string, string>>; unit: string; unitPriceFen: number; qty: number }[];
  tenderedFen: number;
}

/** A copy of the tablet's last queued sale with unstorable text, put straight in its queue, as an older app might have. */
async function queuePoison(tablet: NodeTablet, poison: (args: SaleArgs) => SaleArgs): Promise<string> {
  const last = await tablet.db.outbox.orderBy('seq').last();
  if (!last) throw new Error('no sale to copy');
  const args = poison({ ...(last.args as SaleArgs), saleId: uuidv7() });
  const { seq: _seq, ...rest } = last;
  const entry: OutboxEntry = { ...rest, id: uuidv7(), args, touched: [], before: [], createdAt: new Date().toISOString() };
  await tablet.db.outbox.add(entry);
  return entry.id;
}

/**
 * S12: one bad row never blocks a queue. Unstorable text among good sales
 * is refused (invalid_args), alike on both stores, and the good sales
 * after it apply.
 */
describe.each(storeKinds())('poison pills in a queue, on $name', (kind) => {
  let server: InProcessServer;
  let db: DbInspector;

  beforeAll(async () => {
    server = await startInProcessServer(kind);
    db = await inspectDb(server.location);
  });
  afterAll(async () => {
    await db?.close();
    await server?.close();
  });

  it('refuses each bad mutation with invalid_args and applies the good ones around it', async () => {
    const tablet = await enrolNodeTablet({ code: await server.issueCode(), setupUrl: server.url, syncUrl: server.url, label: 'poisoned' });
    try {
      const bad: string[] = [];
      for (const poison of POISONS) {
        await tablet.sell(2);
        bad.push(await queuePoison(tablet, poison));
      }
      await tablet.sell(2);
      const good = (await tablet.queuedSales()).filter((q) => !bad.includes(q.mutationId));
      expect(good).toHaveLength(2 * (POISONS.length + 1));

      await tablet.engine.push();

      expect(await tablet.waiting()).toBe(0);
      const refusals = await tablet.db.refusals.toArray();
      expect(refusals.map((r) => [r.id, r.code]).sort()).toEqual(bad.map((id) => [id, 'invalid_args']).sort());
      const applied = (await db.applied(server.centre.id)).filter((m) => m.deviceId === tablet.deviceId);
      expect(applied.filter((m) => m.result.status === 'applied').map((m) => m.id).sort()).toEqual(good.map((q) => q.mutationId).sort());
      const sales = (await db.rows(server.centre.id)).filter((r) => r.tbl === 'sales');
      expect(sales.map((s) => s.id)).toEqual(good.map((q) => q.saleId));
    } finally {
      await tablet.close();
    }
  });

  it('answers a raw push of good and bad mutations in order: bad refused, good applied', async () => {
    const code = await server.issueCode();
    const enrolled = await server.app.request(API.enrol, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Raw' }),
    });
    const device = (await enrolled.json()) as { deviceId: string; token: string };
    const product = server.products[0]!;
    const sale = (poison?: (args: SaleArgs) => SaleArgs) => {
      const args: SaleArgs = {
        saleId: uuidv7(),
        receiptNo: `RAW-${uuidv7().slice(-6)}`,
        lines: [{ productId: product.id, names: { ...product.names }, unit: product.unit, unitPriceFen: product.priceFen, qty: 1 }],
        tenderedFen: product.priceFen,
      };
      const unsigned = { id: uuidv7(), kind: 'sale.create', staffId: server.clerk.id, createdAt: new Date().toISOString(), args: poison ? poison(args) : args };
      return sign(server.signer, unsigned, device.deviceId);
    };
    const mutations = [sale(), ...POISONS.flatMap((poison) => [sale(poison), sale()])];
    const response = await server.app.request(API.push, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, mutations }),
    });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as PushResponse;
    expect(results.map((r) => r.id)).toEqual(mutations.map((m) => m.id));
    expect(results.map((r) => (r.status === 'refused' ? r.code : r.status))).toEqual([
      'applied',
      ...POISONS.flatMap(() => ['invalid_args', 'applied']),
    ]);
  });
});
