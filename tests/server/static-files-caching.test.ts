import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { CONTENT_SECURITY_POLICY } from '../../src/server/http/security-headers';
import { SIGNED_IN_PRELOAD_SCRIPT } from '../../src/shared/first-screen/signed-in-preload';
import { storeKinds, type OpenedStore } from './support/stores';

// The static files need no database; one store kind is enough to build the app.
const [kind] = storeKinds();

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

  it("allows the page's one inline script, the signed-in preload, by its hash and nothing else inline", () => {
    const hash = createHash('sha256').update(SIGNED_IN_PRELOAD_SCRIPT).digest('base64');
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toContain(`'sha256-${hash}'`);
    expect(scriptSrc).not.toContain('unsafe-inline');
  });
});
