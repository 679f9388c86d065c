import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'vitest';
import { issueEnrolCode } from '../../src/server/auth/enrol-codes';
import { DEMO_STAFF, seedDemoIfEmpty } from '../../src/server/seed/demo';
import { BenchBrowser } from './support/bench-browser';
import { BenchServer, HARNESS_BASE } from './support/bench-server';
import { buildHarness } from './support/build-harness';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
function summarise(profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] }): string {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  return [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`).join('\n');
}

test('profile', { timeout: 600_000 }, async () => {
  const harnessDir = await buildHarness();
  const server = await BenchServer.start({ clientDir: resolve('dist/client'), harnessDir });
  const centreId = (await seedDemoIfEmpty(server.store)).centre.id;
  const clerk = DEMO_STAFF[1]!;
  const out: string[] = [];
  const tablet = async () => {
    const t = await BenchBrowser.open();
    await t.page.goto(`${server.url}${HARNESS_BASE}`);
    await t.page.waitForFunction(() => 'bench' in window);
    const { code } = await issueEnrolCode(server.store, centreId, 1);
    await t.page.evaluate((c) => window.bench.enrol(c), code);
    return t;
  };
  const a = await tablet();
  await a.page.evaluate(() => window.bench.syncNow());
  await a.page.evaluate(([p, n]) => window.bench.login(p, n), [clerk.pin, clerk.name] as const);
  await a.page.evaluate(() => window.bench.createSales(2000));
  await a.cdp.send('Profiler.enable');
  await a.cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await a.cdp.send('Profiler.start');
  const push = await a.page.evaluate(() => window.bench.push());
  const p1 = await a.cdp.send('Profiler.stop');
  out.push(`PUSH ${JSON.stringify(push)} server ${JSON.stringify(server.serverTimes())}`, summarise(p1.profile as never));
  const b = await tablet();
  await b.cdp.send('Profiler.enable');
  await b.cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await b.cdp.send('Profiler.start');
  const pull = await b.page.evaluate(() => window.bench.syncNow());
  const p2 = await b.cdp.send('Profiler.stop');
  out.push(`PULL ${JSON.stringify(pull)} server ${JSON.stringify(server.serverTimes())}`, summarise(p2.profile as never));
  // raw IndexedDB: the same sales into a store with the real indexes and into one with none
  const raw = await b.page.evaluate(async () => {
    const read = await new Promise<unknown[]>((ok) => {
      const r = indexedDB.open('cunzhan');
      r.onsuccess = () => { const q = r.result.transaction('sales').objectStore('sales').getAll(); q.onsuccess = () => ok(q.result); };
    });
    async function put(name: string, indexed: boolean) {
      const dbh = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open(name, 1);
        r.onupgradeneeded = () => { const s = r.result.createObjectStore('sales', { keyPath: 'id' }); if (indexed) { s.createIndex('createdAt', 'createdAt'); s.createIndex('createdBy', 'createdBy'); s.createIndex('productIds', 'productIds', { multiEntry: true }); } };
        r.onsuccess = () => ok(r.result);
      });
      const t0 = performance.now();
      await new Promise<void>((ok) => { const tx = dbh.transaction('sales', 'readwrite'); const s = tx.objectStore('sales'); for (const row of read) s.put(row); tx.oncomplete = () => ok(); });
      return performance.now() - t0;
    }
    return { rows: read.length, indexedMs: await put('probe-a', true), plainMs: await put('probe-b', false) };
  });
  out.push(`RAW IDB ${JSON.stringify(raw)}`);
  writeFileSync(join(import.meta.dirname, '../../../profile-out.txt'), out.join('\n\n'));
  await a.close(); await b.close(); await server.close(); rmSync(harnessDir, { recursive: true, force: true });
});
