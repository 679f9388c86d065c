import { gzipSync } from 'node:zlib';
import { createCentre, writeServerRows } from '../../../src/server/admin/operations';
import { addSignedStaff, sign, signerFromRow, type TestSigner } from '../../support/signing';
import { issueEnrolCode } from '../../../src/server/auth/enrol-codes';
import { seedDemoIfEmpty } from '../../../src/server/seed/demo';
import type { Store } from '../../../src/server/store/store';
import { formatReceiptNo, receiptPrefix } from '../../../src/client/data/commands/receipt-no';
import type { Product } from '../../../src/shared/domain/entities';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { API } from '../../../src/shared/protocol/endpoints';
import type { EnrolResponse, MutationEnvelope, PushResponse } from '../../../src/shared/protocol/messages';
import { PROTOCOL_VERSION } from '../../../src/shared/protocol/version';
import { basket, seededRandom } from '../harness/fixtures';
import { percentile, round } from '../support/results';
import { centreShelf } from '../support/seed-server-sales';
import type { BenchDb } from './bench-db';
import { keepAliveAgent, post } from './http-post';
import { ServerProcess } from './server-process';

export interface IngestOptions {
  devices: number;
  /** The devices are spread over this many centres (a centre has one or two tablets). */
  centres: number;
  salesPerRequest: number;
  seconds: number;
  /** Bodies are made before the clock starts, enough for this rate (and half as much again). */
  expectedSalesPerSec: number;
}

export interface IngestRun {
  store: 'sqlite' | 'postgres';
  devices: number;
  centres: number;
  salesPerRequest: number;
  seconds: number;
  elapsedMs: number;
  requests: number;
  sales: number;
  salesPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Sales the server refused (none expected). */
  refusedSales: number;
  /** Bodies made during the timed window because the ones made before ran out. */
  bodiesMadeLate: number;
  serverPeakRssMb: number | null;
}

/** What a tablet of one centre sells: its products, by a clerk of the centre. */
interface Shelf {
  products: Product[];
  staffId: string;
  /** The clerk's key: every sale is signed, as a tablet signs it, and the server checks it. */
  signer: TestSigner;
}

interface Tablet {
  shelf: Shelf;
  device: EnrolResponse;
  receipts: number;
  lastId: string | null;
  ready: Uint8Array[];
}

/** One push body of `n` counter sales, as a tablet sends it (gzip JSON, naming the batch before). */
function pushBody(tablet: Tablet, random: () => number, n: number): Uint8Array {
  const { products, staffId, signer } = tablet.shelf;
  const mutations: MutationEnvelope[] = [];
  const byId = new Map(products.map((p) => [p.id, p]));
  const prefix = receiptPrefix(tablet.device.deviceId, tablet.device.deviceNo);
  for (let i = 0; i < n; i++) {
    const { lines, tenderedFen } = basket(products, random);
    const sale = {
      id: uuidv7(),
      kind: 'sale.create',
      staffId,
      createdAt: new Date().toISOString(),
      args: {
        saleId: uuidv7(),
        receiptNo: formatReceiptNo(prefix, ++tablet.receipts),
        lines: lines.map(({ productId, qty }) => {
          const p = byId.get(productId)!;
          return { productId, names: p.names, unit: p.unit, unitPriceFen: p.priceFen, qty };
        }),
        tenderedFen,
      },
    };
    mutations.push(sign(signer, sale, tablet.device.deviceId));
  }
  const body = { protocolVersion: PROTOCOL_VERSION, deviceId: tablet.device.deviceId, after: tablet.lastId, mutations };
  tablet.lastId = mutations.at(-1)!.id;
  return gzipSync(JSON.stringify(body));
}

/** The demo centre, and more centres like it (a clerk, the same products), each with its shelf. */
async function centres(store: Store, count: number): Promise<{ centreId: string; shelf: Shelf }[]> {
  const demo = (await seedDemoIfEmpty(store)).centre;
  const { products, staff } = await centreShelf(store, demo.id);
  // The demo clerk 李强's PIN is 2222 (seed/demo.ts).
  const demoClerk = staff.find((s) => s.role === 'clerk') ?? staff[0]!;
  const out = [{ centreId: demo.id, shelf: { products, staffId: demoClerk.id, signer: await signerFromRow(demoClerk, '2222') } }];
  for (let i = 1; i < count; i++) {
    const centre = await createCentre(store, { 'zh-CN': `压测站 ${i}`, en: `Load centre ${i}` });
    const { staff: clerk, signer } = await addSignedStaff(store, { centreId: centre.id, name: `Clerk ${i}`, role: 'clerk', pin: '2222' });
    const copies = products.map((p) => ({ ...p, id: uuidv7(), centreId: centre.id, createdBy: clerk.id }));
    await writeServerRows(store, centre.id, copies.map((row) => ({ table: 'products' as const, row })));
    out.push({ centreId: centre.id, shelf: { products: copies, staffId: clerk.id, signer } });
  }
  return out;
}

/**
 * Server ingest: `devices` simulated tablets (Node, no browser) each push
 * `salesPerRequest` sales per request, one request after another's answer,
 * for `seconds`, against one built server process on `db`; the devices
 * belong to `centres` centres. Sales per second
 * over the whole run, and each request's latency.
 */
export async function ingestCase(db: BenchDb, options: IngestOptions): Promise<IngestRun> {
  const setup = await db.open();
  const codes: { code: string; shelf: Shelf }[] = [];
  try {
    const made = await centres(setup, options.centres);
    for (let i = 0; i < options.devices; i++) {
      const { centreId, shelf } = made[i % made.length]!;
      codes.push({ code: (await issueEnrolCode(setup, centreId, 1)).code, shelf });
    }
  } finally {
    await setup.close();
  }

  const server = await ServerProcess.start(db.env);
  const agent = keepAliveAgent(options.devices);
  try {
    const tablets: Tablet[] = [];
    for (const [i, { code, shelf }] of codes.entries()) {
      const res = await post(agent, `${server.url}${API.enrol}`, { 'Content-Type': 'application/json' }, JSON.stringify({ code, deviceName: `Load tablet ${i + 1}` }));
      if (res.status !== 200) throw new Error(`enrol answered ${res.status}: ${res.text}`);
      tablets.push({ shelf, device: JSON.parse(res.text) as EnrolResponse, receipts: 0, lastId: null, ready: [] });
    }
    const random = seededRandom(31);
    const perTablet = Math.max(10, Math.ceil((1.5 * options.expectedSalesPerSec * options.seconds) / options.salesPerRequest / options.devices));
    for (const tablet of tablets) {
      for (let i = 0; i < perTablet; i++) tablet.ready.push(pushBody(tablet, random, options.salesPerRequest));
    }

    const latencies: number[] = [];
    let sales = 0;
    let refusedSales = 0;
    let bodiesMadeLate = 0;
    const started = performance.now();
    const end = started + options.seconds * 1000;
    await Promise.all(
      tablets.map(async (tablet) => {
        const headers = {
          Authorization: `Bearer ${tablet.device.token}`,
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
        };
        while (performance.now() < end) {
          let body = tablet.ready.shift();
          if (!body) {
            bodiesMadeLate += 1;
            body = pushBody(tablet, random, options.salesPerRequest);
          }
          const sent = performance.now();
          const res = await post(agent, `${server.url}${API.push}`, headers, body);
          latencies.push(performance.now() - sent);
          if (res.status !== 200) throw new Error(`push answered ${res.status}: ${res.text.slice(0, 300)}`);
          const { results } = JSON.parse(res.text) as PushResponse;
          for (const r of results) {
            if (r.status === 'applied') sales += 1;
            else refusedSales += 1;
          }
        }
      }),
    );
    const elapsedMs = performance.now() - started;
    latencies.sort((a, b) => a - b);
    return {
      store: db.kind,
      devices: options.devices,
      centres: options.centres,
      salesPerRequest: options.salesPerRequest,
      seconds: options.seconds,
      elapsedMs: round(elapsedMs),
      requests: latencies.length,
      sales,
      salesPerSec: Math.round(sales / (elapsedMs / 1000)),
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(latencies.at(-1) ?? NaN),
      refusedSales,
      bodiesMadeLate,
      serverPeakRssMb: server.memory()?.peakRssMb ?? null,
    };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nserver output:\n${server.lastOutput().slice(-3000)}`);
  } finally {
    agent.destroy();
    await server.stop();
  }
}
