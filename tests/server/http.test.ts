import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { Logger, LogFields } from '../../src/server/log';
import { listen } from '../../src/server/server';
import type { Store } from '../../src/server/store/store';
import type { ErrorBody, PullResponse } from '../../src/shared/protocol/messages';
import { makeCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

const INDEX = '<!doctype html><title>Cunzhan</title><div id="app"></div>';
const BUNDLE = `console.log(${JSON.stringify('村站 '.repeat(800))});`;

function capturingLogger(lines: { level: string; msg: string; fields?: LogFields }[]): Logger {
  const keep = (level: string) => (msg: string, fields?: LogFields) => void lines.push(fields ? { level, msg, fields } : { level, msg });
  return { info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** A real store with a door in front of one method, so a test can hold a request in flight or make it fail. */
function guardedStore(inner: Store, guard: () => Promise<void>): Store {
  return new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key !== 'pull' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: Parameters<Store['pull']>) => {
        await guard();
        return target.pull(...args);
      };
    },
  });
}

describe('static files, errors and shutdown', () => {
  let opened: OpenedStore;
  let clientDir: string;

  beforeAll(async () => {
    opened = await storeKinds()[0]!.open();
    clientDir = mkdtempSync(join(tmpdir(), 'cunzhan-client-'));
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'index.html'), INDEX);
    writeFileSync(join(clientDir, 'sw.js'), 'self.skipWaiting;');
    writeFileSync(join(clientDir, 'manifest.webmanifest'), '{"name":"Cunzhan"}');
    writeFileSync(join(clientDir, 'assets', 'index-3f9a1c.js'), BUNDLE);
  });
  afterAll(async () => {
    await opened.dispose();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('serves the shell and service worker uncached and hashed assets cached for ever', async () => {
    const app = createApp({ store: opened.store, clientDir });
    const cases = [
      ['/', 'no-cache', 'text/html'],
      ['/index.html', 'no-cache', 'text/html'],
      ['/sw.js', 'no-cache', 'text/javascript'],
      ['/manifest.webmanifest', 'no-cache', 'application/manifest+json'],
      ['/assets/index-3f9a1c.js', 'public, max-age=31536000, immutable', 'text/javascript'],
    ] as const;
    for (const [path, cache, type] of cases) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe(cache);
      expect(res.headers.get('content-type'), path).toContain(type);
    }
  });

  it('opens deep links with index.html, but never answers a missing asset or API path with HTML', async () => {
    const app = createApp({ store: opened.store, clientDir });
    for (const path of ['/sales/today', '/products/0190a000-0000-7000-8000-000000000000/edit', '/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    for (const [method, path] of [['GET', '/assets/gone-123.js'], ['GET', '/api/nothing'], ['POST', '/api/sync'], ['GET', '/api'], ['DELETE', '/']]) {
      const res = await app.request(path!, { method: method! });
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as ErrorBody).error).toBe('not_found');
    }
  });

  it('compresses static files for browsers that accept gzip', async () => {
    const app = createApp({ store: opened.store, clientDir });
    const res = await app.request('/assets/index-3f9a1c.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBeLessThan(BUNDLE.length / 4);
    expect(gunzipSync(bytes).toString('utf8')).toBe(BUNDLE);
  });

  it('answers an unexpected failure with 500 internal, logs it, and shows no stack', async () => {
    const lines: { level: string; msg: string; fields?: LogFields }[] = [];
    const failing = guardedStore(opened.store, () => Promise.reject(new Error('disk on fire')));
    const app = createApp({ store: failing, log: capturingLogger(lines) });
    const shop = await makeCentre(failing, app, 'F');
    const res = await app.request('/api/sync/pull?after=0', { headers: { authorization: `Bearer ${shop.device.token}` } });
    expect(res.status).toBe(500);
    const body = (await res.json()) as ErrorBody;
    expect(body).toEqual({ error: 'internal', message: 'internal server error' });
    expect(lines.some((l) => l.level === 'error' && String(l.fields?.error).includes('disk on fire'))).toBe(true);
    expect(lines.some((l) => l.msg === 'request' && l.fields?.status === 500)).toBe(true);
  });

  it('finishes a request in flight when shutting down, and accepts no new ones', async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = guardedStore(opened.store, () => {
      entered();
      return gate;
    });
    const app = createApp({ store: held });
    const shop = await makeCentre(opened.store, app, 'S');
    const server = await listen(app, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${server.port}`;

    const inFlight = fetch(`${url}/api/sync/pull?after=0`, { headers: { authorization: `Bearer ${shop.device.token}` } });
    await inside;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    expect(closed).toBe(false);

    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as PullResponse).rows.products).toHaveLength(1);
    await closing;
    expect(closed).toBe(true);
  });
});
