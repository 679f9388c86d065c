import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { CONTENT_SECURITY_POLICY } from '../../src/server/http/security-headers';
import { FIRST_SCREEN_PRELOAD_SCRIPT } from '../../src/shared/first-screen/first-screen-preload';
import { storeKinds, type OpenedStore } from './support/stores';

// The static files need no database; one store kind is enough to build the app.
const [kind] = storeKinds();
/** Script long enough to be worth compressing. */
const APP_JS = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};`;

describe('the built app on a slow link: each icon fetched once, unchanged files not sent again', () => {
  let opened: OpenedStore;
  let clientDir: string;
  let app: Hono;

  beforeAll(async () => {
    opened = await kind!.open();
    clientDir = mkdtempSync(join(tmpdir(), 'cunzhan-client-'));
    mkdirSync(join(clientDir, 'assets'));
    mkdirSync(join(clientDir, 'icons'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Cunzhan</title>');
    writeFileSync(join(clientDir, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    writeFileSync(join(clientDir, 'assets', 'x-abc123.js'), 'console.log(1);');
    writeFileSync(join(clientDir, 'assets', 'app-def456.js'), APP_JS);
    writeFileSync(join(clientDir, 'assets', 'app-def456.js.br'), brotliCompressSync(APP_JS));
    app = createApp({ store: opened.store, clientDir });
  });
  afterAll(async () => {
    await opened.dispose();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('lets the browser keep an icon a day, so the page icon and the enrol picture share one fetch', async () => {
    const res = await app.request('/icons/icon-192.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(res.headers.get('last-modified')).not.toBeNull();
  });

  it('answers a revalidation of an unchanged icon or page with 304 and no body', async () => {
    for (const path of ['/icons/icon-192.png', '/', '/sales/today']) {
      const first = await app.request(path);
      const etag = first.headers.get('etag');
      expect(etag, path).not.toBeNull();
      const again = await app.request(path, { headers: { 'if-none-match': etag! } });
      expect(again.status, path).toBe(304);
      expect((await again.arrayBuffer()).byteLength, path).toBe(0);
      expect(again.headers.get('etag'), path).toBe(etag);
      // The shell is still revalidated every time: an update must reach the tablet.
      if (path !== '/icons/icon-192.png') expect(again.headers.get('cache-control'), path).toBe('no-cache');
    }
    const changed = await app.request('/icons/icon-192.png', { headers: { 'if-none-match': '"0-0"' } });
    expect(changed.status).toBe(200);
  });

  it('sends hashed assets without validators: they are kept a year and never asked again', async () => {
    const res = await app.request('/assets/x-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('etag')).toBeNull();
  });

  it('sends a hashed asset as the brotli file made at build time to a browser that takes brotli, and gzip to one that does not', async () => {
    const brotli = await app.request('/assets/app-def456.js', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString()).toBe(APP_JS);

    for (const acceptEncoding of ['gzip, deflate', 'gzip, br;q=0']) {
      const gzip = await app.request('/assets/app-def456.js', { headers: { 'accept-encoding': acceptEncoding } });
      expect(gzip.status, acceptEncoding).toBe(200);
      expect(gzip.headers.get('content-encoding'), acceptEncoding).toBe('gzip');
    }
  });

  it("allows the page's one inline script, the first screen's preload, by its hash and nothing else inline", () => {
    const hash = createHash('sha256').update(FIRST_SCREEN_PRELOAD_SCRIPT).digest('base64');
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toContain(`'sha256-${hash}'`);
    expect(scriptSrc).not.toContain('unsafe-inline');
  });
});
