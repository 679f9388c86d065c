import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { hashPassword, verifyPassword } from '../../src/server/county/password';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../src/server/county/sessions';
import { createCountyAdmin } from '../../src/server/county/county-admins';
import type { CountySessionInfo } from '../../src/shared/protocol/county';
import { clientOf, login, makeCountyAdmin, PASSWORD, sessionCookie, signIn, TEST_COST } from './support/county';
import { storeKinds, type OpenedStore } from './support/stores';

describe('county passwords', () => {
  it('hashes with scrypt, a random salt and its parameters, and checks in constant time', async () => {
    const a = await hashPassword('a long passphrase', TEST_COST);
    const b = await hashPassword('a long passphrase', TEST_COST);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('a long passphrase', a)).toBe(true);
    expect(await verifyPassword('a long passphrasE', a)).toBe(false);
    expect(await verifyPassword('a long passphrase', undefined)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('the default cost takes tens of milliseconds, not microseconds', async () => {
    const started = performance.now();
    const hash = await hashPassword('a long passphrase');
    expect(hash.startsWith('scrypt$15$8$1$')).toBe(true);
    expect(performance.now() - started).toBeGreaterThan(20);
  });
});

describe.each(storeKinds())('county sign-in and sessions on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let now = Date.now();

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({
      store: opened.store,
      county: { now: () => now, login: { budgets: { perAddress: { burst: 100, perMinute: 100 }, perUsername: { burst: 3, perMinute: 1 } } } },
    });
    await makeCountyAdmin(opened.store, 'anna');
    await makeCountyAdmin(opened.store, 'limited');
  });
  afterAll(() => opened.dispose());

  it('refuses a taken username, an odd one and a weak password', async () => {
    await expect(createCountyAdmin(opened.store, 'Anna', 'another long one', TEST_COST)).rejects.toThrow(/already exists/);
    await expect(createCountyAdmin(opened.store, 'a b', 'another long one', TEST_COST)).rejects.toThrow(/username/);
    await expect(createCountyAdmin(opened.store, 'bob', 'short', TEST_COST)).rejects.toThrow(/at least 10/);
  });

  it('signs in with the right password: an HttpOnly, SameSite=Strict cookie on /api/county and a CSRF token', async () => {
    const res = await login(app, ' ANNA ', PASSWORD);
    expect(res.status).toBe(200);
    const body = (await res.json()) as CountySessionInfo;
    expect(body.username).toBe('anna');
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cz_admin=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/county');
    // Plain http (a LAN without TLS): a Secure cookie would never come back.
    expect(cookie).not.toContain('Secure');
    expect(res.headers.get('cache-control')).toBe('no-store');

    const session = await clientOf(app, sessionCookie(res)!, '').get('/api/county/session');
    expect(session.status).toBe(200);
    expect(await session.json()).toEqual(body);
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const res = await Promise.resolve(
      app.request('https://county.example/api/county/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'anna', password: PASSWORD }),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('refuses a wrong password and an unknown user alike, with no cookie', async () => {
    for (const [user, password] of [['anna', 'wrong password!'], ['nobody', PASSWORD]] as const) {
      const res = await login(app, user, password);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'bad_credentials' });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('limits failed sign-ins per username: 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await login(app, 'limited', 'wrong password!')).status).toBe(401);
    const held = await login(app, 'limited', PASSWORD);
    expect(held.status).toBe(429);
    expect(await held.json()).toMatchObject({ error: 'rate_limited' });
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits failed sign-ins per address', async () => {
    const strict = createApp({
      store: opened.store,
      clientAddress: () => '203.0.113.9',
      county: { login: { budgets: { perAddress: { burst: 2, perMinute: 1 } } } },
    });
    expect((await login(strict, 'anna', 'wrong password!')).status).toBe(401);
    expect((await login(strict, 'someone', 'wrong password!')).status).toBe(401);
    const held = await login(strict, 'anna', PASSWORD);
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('without a session: 401; a changing request without or with a wrong CSRF token: 403, nothing changed', async () => {
    expect((await Promise.resolve(app.request('/api/county/centres'))).status).toBe(401);
    const client = await signIn(app);
    const body = { name: { 'zh-CN': '新站' }, admin: { name: '王', pin: '123456' } };
    const missing = await client.post('/api/county/centres', body, { 'x-csrf-token': '' });
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ error: 'csrf' });
    const wrong = await client.post('/api/county/centres', body, { 'x-csrf-token': client.csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) });
    expect(wrong.status).toBe(403);
    // Another session's token does not fit this one.
    const other = await signIn(app);
    expect((await client.post('/api/county/centres', body, { 'x-csrf-token': other.csrf })).status).toBe(403);
    expect(await opened.store.listCentres()).toEqual([]);
    expect((await client.post('/api/county/logout', {}, { 'x-csrf-token': 'nope' })).status).toBe(403);
    expect((await client.get('/api/county/session')).status).toBe(200);
  });

  it('ends a session idle for 8 hours or 24 hours old with session_expired', async () => {
    const idle = await signIn(app);
    now += SESSION_IDLE_MS - 120_000;
    expect((await idle.get('/api/county/session')).status).toBe(200);
    now += SESSION_IDLE_MS - 120_000;
    // Seen just before: still alive, the idle clock restarted.
    expect((await idle.get('/api/county/session')).status).toBe(200);
    now += SESSION_IDLE_MS;
    const expired = await idle.get('/api/county/session');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: 'session_expired' });
    expect(expired.headers.get('set-cookie')).toMatch(/cz_admin=;.*Max-Age=0/);
    // Gone for good, not merely late.
    expect(await (await idle.get('/api/county/session')).json()).toMatchObject({ error: 'unauthorized' });

    const busy = await signIn(app);
    const end = now + SESSION_MAX_MS;
    while (now + SESSION_IDLE_MS / 2 < end) {
      now += SESSION_IDLE_MS / 2;
      expect((await busy.get('/api/county/session')).status).toBe(200);
    }
    now = end;
    expect(await (await busy.get('/api/county/session')).json()).toMatchObject({ error: 'session_expired' });
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const client = await signIn(app);
    const res = await client.post('/api/county/logout');
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/cz_admin=;/);
    expect((await client.get('/api/county/session')).status).toBe(401);
  });
});
