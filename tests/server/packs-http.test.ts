import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Hono } from 'hono';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { importPack } from '../../src/server/packs/import-pack';
import { MediaFiles, mediaDirOf } from '../../src/server/packs/media-files';
import { packListResponse, packVersionResponse, PACK_API } from '../../src/shared/packs/pack-api';
import { makeCentre, type TestCentre } from './support/centre';
import { testPack, writePackFolder, type TestPack } from './support/pack-fixture';
import { storeKinds, type OpenedStore } from './support/stores';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(storeKinds())('course packs over HTTP on $name', (kind) => {
  let opened: OpenedStore;
  let app: Hono;
  let north: TestCentre;
  let south: TestCentre;
  let pack: TestPack;
  let clip: Buffer;
  let clipUrl: string;
  let etag: string;

  beforeAll(async () => {
    opened = await kind.open();
    app = createApp({ store: opened.store, dataDir: opened.config.dataDir });
    north = await makeCentre(opened.store, app, 'N');
    south = await makeCentre(opened.store, app, 'S');
    pack = testPack();
    await importPack(opened.store, new MediaFiles(mediaDirOf(opened.config.dataDir)), writePackFolder(pack));
    clip = pack.files['media/clip.webm']!;
    clipUrl = PACK_API.media(sha256(clip));
    etag = `"${sha256(clip)}"`;
  });
  afterAll(() => opened.dispose());

  const get = (path: string, token: string | undefined, headers: Record<string, string> = {}, method = 'GET') =>
    Promise.resolve(app.request(path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } }));
  const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
  /** Bytes compared by their hash: deep equality over 150 KB is slow, and a hash mismatch reads as plainly. */
  const expectBytes = (actual: Uint8Array, expected: Uint8Array, label?: string) => expect(sha256(actual), label).toBe(sha256(expected));

  it('lists the packs and serves a version’s manifest to a tablet of any centre', async () => {
    for (const t of [north, south]) {
      const list = await get(PACK_API.list, t.device.token);
      expect(list.status).toBe(200);
      expect(list.headers.get('cache-control')).toBe('no-store');
      const body = v.parse(packListResponse, await list.json());
      const total = Object.values(pack.files).reduce((n, b) => n + b.length, 0);
      expect(body.packs).toEqual([
        expect.objectContaining({ id: 'test-course', version: 1, title: pack.manifest.course.title, totalBytes: total, fileCount: 4 }),
      ]);

      const version = await get(PACK_API.version('test-course', 1), t.device.token);
      expect(version.status).toBe(200);
      const manifest = v.parse(packVersionResponse, await version.json()).manifest;
      expect(manifest.files.find((f) => f.path === 'media/clip.webm')).toEqual({ path: 'media/clip.webm', type: 'video/webm', sha256: sha256(clip), size: clip.length });
    }
    expect((await get(PACK_API.version('test-course', 2), north.device.token)).status).toBe(404);
    expect((await get(PACK_API.version('no-such-course', 1), north.device.token)).status).toBe(404);
    expect((await get('/api/packs/test-course/versions/0', north.device.token)).status).toBe(404);
  });

  it('answers 401 to a request without a valid device token, and to a removed tablet', async () => {
    for (const path of [PACK_API.list, PACK_API.version('test-course', 1), clipUrl]) {
      const none = await get(path, undefined);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toContain('Bearer');
      expect((await get(path, 'x'.repeat(43))).status).toBe(401);
    }
    const gone = await makeCentre(opened.store, app, 'G');
    await opened.store.revokeDevice(gone.device.deviceId, new Date().toISOString());
    expect(await (await get(clipUrl, gone.device.token)).json()).toMatchObject({ error: 'device_revoked' });
  });

  it('serves a media file whole, with its type, length, strong ETag and a year of caching, never gzipped', async () => {
    const res = await get(clipUrl, north.device.token, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/webm');
    expect(res.headers.get('content-length')).toBe(String(clip.length));
    expect(res.headers.get('etag')).toBe(etag);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("media-src 'self' blob:");
    expectBytes(await bytesOf(res), clip);

    const head = await get(clipUrl, north.device.token, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(clip.length));
    expect((await bytesOf(head)).length).toBe(0);

    const picture = await get(PACK_API.media(sha256(pack.files['media/apple.webp']!)), south.device.token);
    expect(picture.headers.get('content-type')).toBe('image/webp');
    expect((await get(PACK_API.media('0'.repeat(64)), north.device.token)).status).toBe(404);
    expect((await get(PACK_API.media('not-a-hash'), north.device.token)).status).toBe(404);
  });

  it('serves single ranges: from..to, open-ended and suffix', async () => {
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=1000-1999', 1000, 1999],
      [`bytes=${clip.length - 10}-`, clip.length - 10, clip.length - 1],
      ['bytes=140000-999999999', 140000, clip.length - 1],
      ['bytes=-500', clip.length - 500, clip.length - 1],
      [`bytes=-${clip.length * 2}`, 0, clip.length - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await get(clipUrl, north.device.token, { range });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range'), range).toBe(`bytes ${start}-${end}/${clip.length}`);
      expect(res.headers.get('content-length'), range).toBe(String(end - start + 1));
      expect(res.headers.get('content-type')).toBe('video/webm');
      expectBytes(await bytesOf(res), clip.subarray(start, end + 1), range);
    }
  });

  it('answers 416 with the file’s size to a range it cannot serve', async () => {
    for (const range of [`bytes=${clip.length}-`, `bytes=${clip.length + 5}-${clip.length + 10}`, 'bytes=500-100', 'bytes=-0', 'bytes=abc', 'bytes=-']) {
      const res = await get(clipUrl, north.device.token, { range });
      expect(res.status, range).toBe(416);
      expect(res.headers.get('content-range'), range).toBe(`bytes */${clip.length}`);
      expect(res.headers.get('cache-control'), range).toBe('no-store');
    }
    // Another unit, or several ranges: the whole file, as RFC 9110 allows.
    for (const range of ['items=0-5', 'bytes=0-1,5-6']) {
      const res = await get(clipUrl, north.device.token, { range });
      expect(res.status, range).toBe(200);
      expect((await bytesOf(res)).length).toBe(clip.length);
    }
  });

  it('answers If-None-Match with 304 when the tablet already holds the file', async () => {
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await get(clipUrl, north.device.token, { 'if-none-match': inm });
      expect(res.status, inm).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect((await bytesOf(res)).length).toBe(0);
    }
    expect((await get(clipUrl, north.device.token, { 'if-none-match': `"${'1'.repeat(64)}"` })).status).toBe(200);
  });

  it('resumes a cut download with If-Range, and sends the whole file when the validator does not match', async () => {
    const firstPart = await bytesOf(await get(clipUrl, north.device.token, { range: 'bytes=0-59999' }));
    const rest = await get(clipUrl, north.device.token, { range: `bytes=${firstPart.length}-`, 'if-range': etag });
    expect(rest.status).toBe(206);
    expect(sha256(Buffer.concat([firstPart, await bytesOf(rest)]))).toBe(sha256(clip));

    for (const ifRange of [`"${'2'.repeat(64)}"`, `W/${etag}`, 'Tue, 01 Dec 2026 10:00:00 GMT']) {
      const whole = await get(clipUrl, north.device.token, { range: 'bytes=100-', 'if-range': ifRange });
      expect(whole.status, ifRange).toBe(200);
      expect(whole.headers.get('content-range')).toBeNull();
      expectBytes(await bytesOf(whole), clip);
    }
  });

  it('answers any Range, If-Range and If-None-Match a client may send with the bytes it names, or a clear refusal', async () => {
    const number = fc.oneof(fc.nat({ max: clip.length * 2 }), fc.constantFrom(0, clip.length - 1, clip.length), fc.constant(''));
    const range = fc.oneof(
      fc.tuple(number, number).map(([a, b]) => `bytes=${a}-${b}`),
      fc.tuple(fc.constantFrom('bytes', 'Bytes', 'items', ''), fc.string({ maxLength: 12 })).map(([unit, rest]) => `${unit}=${rest}`),
      fc.string({ maxLength: 20 }),
    );
    const validator = fc.option(fc.constantFrom(etag, `W/${etag}`, '"x"', '*', 'Tue, 01 Dec 2026 10:00:00 GMT', ''), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(range, validator, validator, async (rangeHeader, ifRange, ifNoneMatch) => {
        const headers: Record<string, string> = { range: rangeHeader };
        if (ifRange !== undefined) headers['if-range'] = ifRange;
        if (ifNoneMatch !== undefined) headers['if-none-match'] = ifNoneMatch;
        const res = await get(clipUrl, north.device.token, headers);
        const body = await bytesOf(res);
        expect([200, 206, 304, 416]).toContain(res.status);
        if (res.status === 200) expectBytes(body, clip);
        if (res.status === 206) {
          const [, start, end, size] = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.headers.get('content-range') ?? '')!.map(Number);
          expect(size).toBe(clip.length);
          expectBytes(body, clip.subarray(start, end! + 1));
        }
        if (res.status === 416) expect(res.headers.get('content-range')).toBe(`bytes */${clip.length}`);
      }),
      { numRuns: 300 },
    );
  });
});
