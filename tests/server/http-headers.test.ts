import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { CONTENT_SECURITY_POLICY } from '../../src/server/http/security-headers';
import type { ErrorBody } from '../../src/shared/protocol/messages';
import { makeCentre, pushBody, saleMutation, type TestCentre } from './support/centre';
import { storeKinds, type OpenedStore } from './support/stores';

function expectSecurityHeaders(res: Response, what: string): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, what).toBe(CONTENT_SECURITY_POLICY);
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).not.toContain('unsafe-inline');
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(res.headers.get('permissions-policy'), what).toBe('camera=(self), microphone=(), geolocation=()');
}

describe.each(storeKinds())('security headers and HTTP strictness on $name', (kind) => {
  let opened: OpenedStore;
  let clientDir: string;
  let app: Hono;
  let shop: TestCentre;

  beforeAll(async () => {
    opened = await kind.open();
    clientDir = mkdtempSync(join(tmpdir(), 'cunzhan-client-'));
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Cunzhan</title><script type="module" src="/assets/x.js"></script>');
    writeFileSync(join(clientDir, 'sw.js'), 'self.skipWaiting;');
    writeFileSync(join(clientDir, 'manifest.webmanifest'), '{"name":"Cunzhan"}');
    writeFileSync(join(clientDir, 'assets', 'x.js'), 'console.log(1);');
    app = createApp({ store: opened.store, clientDir });
    shop = await makeCentre(opened.store, app, 'H');
  });
  afterAll(async () => {
    await opened.dispose();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('puts CSP, nosniff, no-referrer and a permissions policy on the page, its script, the service worker and the manifest', async () => {
    for (const path of ['/', '/index.html', '/sales/today', '/assets/x.js', '/sw.js', '/manifest.webmanifest']) {
      const res = await app.request(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status, path).toBe(200);
      expectSecurityHeaders(res, path);
      // Static files keep their own caching.
      expect(res.headers.get('cache-control'), path).not.toBe('no-store');
    }
  });

  it('marks every API answer no-store, errors and unknown paths included', async () => {
    const token = { authorization: `Bearer ${shop.device.token}` };
    const answers: [string, Response][] = [
      ['health', await app.request('/api/health')],
      ['pull', await app.request('/api/sync/pull?after=0', { headers: token })],
      ['bad pull', await app.request('/api/sync/pull?after=x', { headers: token })],
      ['no token', await app.request('/api/sync/pull?after=0')],
      ['unknown', await app.request('/api/nothing')],
      ['enrol refused', await app.request('/api/enrol', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code":"ZZZZ-ZZZZ","deviceName":"x"}' })],
      ['push', await app.request('/api/sync/push', { method: 'POST', headers: { ...token, 'content-type': 'application/json' }, body: JSON.stringify(pushBody(shop, [saleMutation(shop)])) })],
    ];
    expect(answers.map(([, r]) => r.status)).toEqual([200, 200, 400, 401, 404, 400, 200]);
    for (const [what, res] of answers) {
      expect(res.headers.get('cache-control'), what).toBe('no-store');
      expectSecurityHeaders(res, what);
    }
  });

  it('answers a JSON endpoint sent another Content-Type with 415, and accepts a charset', async () => {
    const token = { authorization: `Bearer ${shop.device.token}` };
    const body = JSON.stringify(pushBody(shop, [saleMutation(shop)]));
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', undefined]) {
      const headers: Record<string, string> = type === undefined ? {} : { 'content-type': type };
      const push = await app.request('/api/sync/push', { method: 'POST', headers: { ...token, ...headers }, body });
      expect(push.status, type).toBe(415);
      expect(((await push.json()) as ErrorBody).error).toBe('unsupported_media_type');
      const enrol = await app.request('/api/enrol', { method: 'POST', headers, body: '{"code":"ZZZZ-ZZZZ","deviceName":"x"}' });
      expect(enrol.status, type).toBe(415);
      expect(((await enrol.json()) as ErrorBody).error).toBe('unsupported_media_type');
    }
    const withCharset = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { ...token, 'content-type': 'Application/JSON; charset=UTF-8' },
      body: JSON.stringify(pushBody(shop, [saleMutation(shop)])),
    });
    expect(withCharset.status).toBe(200);
  });

  it('reads the Bearer scheme in any case', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer', 'beaRer']) {
      const res = await app.request('/api/sync/pull?after=0', { headers: { authorization: `${scheme} ${shop.device.token}` } });
      expect(res.status, scheme).toBe(200);
    }
  });

  it('challenges every 401 with WWW-Authenticate, saying invalid_token when a token was sent', async () => {
    const none = await app.request('/api/sync/pull?after=0');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="cunzhan"');
    const attempts = [`Bearer ${'x'.repeat(43)}`, 'Basic abc', 'Bearer '];
    for (const authorization of attempts) {
      for (const res of [
        await app.request('/api/sync/pull?after=0', { headers: { authorization } }),
        await app.request('/api/sync/push', { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: '{}' }),
      ]) {
        expect(res.status, authorization).toBe(401);
        expect(res.headers.get('www-authenticate'), authorization).toBe('Bearer realm="cunzhan", error="invalid_token"');
        expect(((await res.json()) as ErrorBody).error).toBe('unauthorized');
      }
    }
  });
});
