import { DEMO_STAFF, seedDemoIfEmpty } from '../../../src/server/seed/demo';
import type { BenchBrowser } from '../support/bench-browser';
import { round } from '../support/results';
import type { BenchDb } from './bench-db';
import { enrolTablet, harnessTablet, syncOk } from './harness-tablet';
import { RoundRobinProxy } from './round-robin-proxy';
import { ServerProcess } from './server-process';

const CLERK = DEMO_STAFF.find((s) => s.role === 'clerk') ?? DEMO_STAFF[0]!;
const WARM_UP_SALES = 50;

export interface TwoProcessRun {
  sales: number;
  /** The push through the balancer to one server process. */
  oneProcessMs: number;
  /** The same push through it to two processes on the same database, connections alternating. */
  twoProcessMs: number;
  ratio: number;
  /** Connections the balancer handed to each process during the two-process push. */
  connections: number[];
}

/** `sales` made offline on the tablet, then pushed by the real engine, timed. */
async function pushSales(tablet: BenchBrowser, sales: number): Promise<number> {
  const { page } = tablet;
  await tablet.context.setOffline(true);
  await page.evaluate((n) => window.bench.createSales(n), sales);
  await tablet.context.setOffline(false);
  const run = syncOk(await page.evaluate(() => window.bench.push()), 'push');
  if (run.pending !== 0) throw new Error(`${run.pending} mutations still queued after the push`);
  await page.evaluate(() => window.bench.sweep());
  return run.ms;
}

/**
 * Push ordering across server processes: the Chromium tablet pushes
 * pipelined (two batches in flight) through a round-robin TCP balancer,
 * first with one server process behind it, then with two sharing one
 * database, where a batch and the one it follows usually reach different
 * processes. Same tablet, same database, same balancer: only the second
 * process differs.
 */
export async function twoProcessCase(db: BenchDb, harnessRoot: string, sales: number, log: (line: string) => void): Promise<TwoProcessRun> {
  const setup = await db.open();
  const servers: ServerProcess[] = [];
  let proxy: RoundRobinProxy | undefined;
  let tablet: BenchBrowser | undefined;
  try {
    const { centre } = await seedDemoIfEmpty(setup);
    const env = { ...db.env, CLIENT_DIR: harnessRoot };
    // One after the other: the first has migrated when the second starts.
    servers.push(await ServerProcess.start(env));
    servers.push(await ServerProcess.start(env));
    const [a, b] = servers.map((s) => s.url) as [string, string];
    proxy = await RoundRobinProxy.start();
    proxy.use([a, b]);
    tablet = await harnessTablet(proxy.url);
    await enrolTablet(tablet, setup, centre.id);
    syncOk(await tablet.page.evaluate(() => window.bench.syncNow()), 'first sync');
    await tablet.page.evaluate(([pin, name]) => window.bench.login(pin, name), [CLERK.pin, CLERK.name] as const);
    await pushSales(tablet, WARM_UP_SALES);

    proxy.use([a]);
    const oneProcessMs = await pushSales(tablet, sales);
    proxy.use([a, b]);
    const before = [proxy.connections[a] ?? 0, proxy.connections[b] ?? 0];
    const twoProcessMs = await pushSales(tablet, sales);
    const connections = [(proxy.connections[a] ?? 0) - before[0]!, (proxy.connections[b] ?? 0) - before[1]!];
    log(`two processes: push ${sales} to one ${round(oneProcessMs)} ms, to two ${round(twoProcessMs)} ms (connections ${connections.join('/')})`);
    return { sales, oneProcessMs: round(oneProcessMs), twoProcessMs: round(twoProcessMs), ratio: round(twoProcessMs / oneProcessMs, 2), connections };
  } finally {
    await tablet?.close();
    await proxy?.close();
    for (const server of servers) await server.stop();
    await setup.close();
  }
}
