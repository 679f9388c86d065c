import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app';
import { createCentre } from '../../src/server/admin/operations';
import { issueEnrolCode } from '../../src/server/auth/enrol-codes';
import { addressKey } from '../../src/server/http/client-address';
import { RateLimiter } from '../../src/server/http/rate-limit';
import { listen } from '../../src/server/server';
import { LIMITS, type EnrolResponse, type ErrorBody } from '../../src/shared/protocol/messages';
import { storeKinds, type OpenedStore } from './support/stores';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

function enrolFrom(app: Hono, code: string, headers: Record<string, string> = {}, deviceSecret?: string): Promise<Response> {
  return Promise.resolve(
    app.request('/api/enrol', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ code, deviceName: 'Counter tablet', ...(deviceSecret ? { deviceSecret } : {}) }),
    }),
  );
}

/** An app whose client address is taken from an `x-test-address` header, so one test plays many clients. */
function appWithAddresses(opened: OpenedStore, now: () => number): Hono {
  return createApp({
    store: opened.store,
    enrolLimits: { now },
    clientAddress: (c) => c.req.header('x-test-address') ?? 'unknown',
  });
}

describe('the token-bucket limiter', () => {
  it('allows the burst, then refills at the budget rate and says when to come back', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ burst: 3, perMinute: 6 }, { now: clock.now });
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take('b').ok).toBe(true);
    clock.advance(4_000);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 6 });
    clock.advance(6_000);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    limiter.giveBack('a');
    expect(limiter.take('a').ok).toBe(true);
  });

  it('forgets the least recently used keys beyond its bound', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ burst: 1, perMinute: 1 }, { maxKeys: 100, now: clock.now });
    limiter.take('kept');
    for (let i = 0; i < 1000; i++) {
      limiter.take(`k${i}`);
      if (i % 10 === 0) limiter.take('kept');
    }
    expect(limiter.size).toBe(100);
    // Still remembered (and empty), because it was used recently.
    expect(limiter.take('kept').ok).toBe(false);
  });

  it('counts an IPv6 /64 as one client and an IPv4-mapped address as its IPv4 one', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
  });
});

describe.each(storeKinds())('enrolment rate limits on $name', (kind) => {
  let opened: OpenedStore;
  let centreId: string;

  beforeAll(async () => {
    opened = await kind.open();
    centreId = (await createCentre(opened.store, { en: 'Limits' })).id;
  });
  afterAll(() => opened.dispose());
  afterEach(() => vi.restoreAllMocks());

  it('answers 429 with Retry-After once one address has spent its guesses, and lets it in again later', async () => {
    const clock = manualClock();
    const app = appWithAddresses(opened, clock.now);
    const guesser = { 'x-test-address': '203.0.113.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await enrolFrom(app, `${'ABCDEFGHJKMN'[i]}QQQ-QQQQ`, guesser)).status);
    expect(statuses.slice(0, 10)).toEqual(Array<number>(10).fill(400));
    expect(statuses.slice(10)).toEqual([429, 429]);

    const limited = await enrolFrom(app, 'WWWW-WWWW', guesser);
    expect(limited.status).toBe(429);
    expect((await limited.json()) as ErrorBody).toMatchObject({ error: 'rate_limited' });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // A neighbour at another address is not held by it.
    expect((await enrolFrom(app, 'WWWW-WWWW', { 'x-test-address': '198.51.100.20' })).status).toBe(400);
    clock.advance(retryAfter * 1000);
    expect((await enrolFrom(app, 'WWWW-WWWW', guesser)).status).toBe(400);
  });

  it('holds guesses at one code prefix coming from many addresses', async () => {
    const clock = manualClock();
    const app = appWithAddresses(opened, clock.now);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await enrolFrom(app, `k7pm-${String(i).padStart(4, 'Q')}`, { 'x-test-address': `10.0.0.${i}` })).status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    // Same prefix however it is typed; other prefixes go on.
    const typed = await enrolFrom(app, ' K7 PM-AAAA', { 'x-test-address': '10.0.1.1' });
    expect(typed.status).toBe(429);
    expect(typed.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await enrolFrom(app, 'HHHH-AAAA', { 'x-test-address': '10.0.1.2' })).status).toBe(400);
  });

  it('never holds back successful enrolments or their repeats', async () => {
    const clock = manualClock();
    const app = appWithAddresses(opened, clock.now);
    const room = { 'x-test-address': '192.0.2.50' };
    for (let i = 0; i < 30; i++) {
      const { code } = await issueEnrolCode(opened.store, centreId, 1);
      const secret = randomBytes(32).toString('base64url');
      expect((await enrolFrom(app, code, room, secret)).status).toBe(200);
      expect((await enrolFrom(app, code, room, secret)).status).toBe(200);
    }
  });

  it('reads the socket address of a real connection, and X-Forwarded-For only behind a trusted proxy', async () => {
    const direct = createApp({ store: opened.store });
    const server = await listen(direct, 0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${server.port}/api/enrol`;
      const guess = (forwardedFor: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ code: 'PPPP-QQQQ', deviceName: 'x' }),
        });
      // A client cannot escape its budget by claiming other addresses.
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await guess(`10.9.9.${i}`)).status);
      expect(statuses.at(-1)).toBe(429);
      // In-process requests have no socket: they count apart from 127.0.0.1.
      expect((await enrolFrom(direct, 'PPPP-QQQQ')).status).toBe(400);
    } finally {
      await server.close();
    }

    const proxied = createApp({ store: opened.store, trustProxy: true });
    // The proxy appends the address it saw; what the client wrote before it is not believed.
    const behind = (claimed: string, seen: string, i: number) =>
      enrolFrom(proxied, `${'ABCDEFGHJKMN'[i]}PPP-QQQQ`, { 'x-forwarded-for': `${claimed}, ${seen}` });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await behind(`10.7.7.${i}`, '198.51.100.8', i)).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await behind('198.51.100.8', '198.51.100.9', 11)).status).toBe(400);
  });

  it('refuses a small gzip body that would inflate to megabytes, without parsing it', async () => {
    const app = createApp({ store: opened.store });
    // Just under the authenticated bound, so only the unauthenticated one refuses it.
    const inflated = JSON.stringify({ code: 'ABCD-EFGH', deviceName: 'x'.repeat(4_000_000) });
    expect(inflated.length).toBeLessThan(LIMITS.maxBodyBytes);
    const bomb = gzipSync(Buffer.from(inflated), { level: 9 });
    expect(bomb.length).toBeLessThan(8 * 1024);
    const parse = vi.spyOn(JSON, 'parse');
    const res = await app.request('/api/enrol', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: new Uint8Array(bomb),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error).toBe('body_too_large');
    expect(parse.mock.calls.some(([text]) => typeof text === 'string' && text.length > LIMITS.unauthenticatedBodyBytes)).toBe(false);
  });

  it('refuses a plain enrolment body over the unauthenticated bound, declared or not', async () => {
    const app = createApp({ store: opened.store });
    const big = JSON.stringify({ code: 'ABCD-EFGH', deviceName: 'x'.repeat(LIMITS.unauthenticatedBodyBytes) });
    const res = await app.request('/api/enrol', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await app.request('/api/enrol', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: streamed,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    // An ordinary enrolment is far below it.
    const { code } = await issueEnrolCode(opened.store, centreId, 1);
    const ok = await enrolFrom(app, code);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as EnrolResponse).centre.id).toBe(centreId);
  });
});
