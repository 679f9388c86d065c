import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { createApp } from '../../../src/server/app';
import { openStore } from '../../../src/server/store/open';
import type { Store } from '../../../src/server/store/store';
import { DURABLE_FLOOR_PATH, FLOOR_PATH } from '../harness/api';
import { DurableFloor } from './durable-floor';
import { requestKind, WireMeter } from './wire-meter';

const gunzipAsync = promisify(gunzip);

export const HARNESS_BASE = '/bench/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Time the real app spent on requests of one kind (handler time, before the body streams out). */
export type ServerTimes = Record<string, number>;

/**
 * The real server (real store on a temporary SQLite directory, real app)
 * on a free 127.0.0.1 port, plus two things of the bench's own on the same
 * origin: the harness page under /bench/ and the floor endpoints: one only
 * reads and gunzips a body, the durable one stores it too (DurableFloor).
 */
export class BenchServer {
  readonly meter = new WireMeter();
  readonly durable = new DurableFloor();
  private readonly serverMs: ServerTimes = {};

  private constructor(
    readonly store: Store,
    private readonly server: Server,
    readonly url: string,
    readonly dataDir: string,
  ) {}

  static async start(options: { clientDir: string; harnessDir: string }): Promise<BenchServer> {
    const dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-bench-data-'));
    const store = await openStore({ dataDir });
    await store.migrate();
    // The data directory too: course pack media are served from its media/ folder.
    const app = createApp({ store, clientDir: options.clientDir, version: 'bench', dataDir });

    let bench: BenchServer | undefined;
    const outer = new Hono();
    outer.use(async (c, next) => {
      bench?.meter.countRequest(c.req.path, c.req.header('content-length'));
      const started = performance.now();
      await next();
      bench?.addServerTime(requestKind(c.req.path), performance.now() - started);
    });
    outer.post(FLOOR_PATH, async (c) => {
      const raw = Buffer.from(await c.req.arrayBuffer());
      await gunzipAsync(raw);
      return c.body(null, 204);
    });
    outer.post(DURABLE_FLOOR_PATH, async (c) => {
      await bench?.durable.accept(Buffer.from(await c.req.arrayBuffer()));
      return c.body(null, 204);
    });
    outer.get(`${HARNESS_BASE}*`, async (c) => {
      const relative = normalize(c.req.path.slice(HARNESS_BASE.length) || 'index.html');
      if (relative.startsWith('..')) return c.notFound();
      try {
        const file = await readFile(join(options.harnessDir, relative));
        return c.body(new Uint8Array(file), 200, { 'Content-Type': TYPES[extname(relative)] ?? 'application/octet-stream' });
      } catch {
        return c.notFound();
      }
    });
    outer.all('*', (c) => app.fetch(c.req.raw, c.env));

    const server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: outer.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s as Server));
    });
    const { port } = server.address() as AddressInfo;
    bench = new BenchServer(store, server, `http://127.0.0.1:${port}`, dataDir);
    bench.meter.attach(server);
    return bench;
  }

  private addServerTime(kind: string, ms: number): void {
    this.serverMs[kind] = (this.serverMs[kind] ?? 0) + ms;
  }

  serverTimes(): ServerTimes {
    return { ...this.serverMs };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.store.close();
    this.durable.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
