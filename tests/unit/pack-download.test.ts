import 'fake-indexeddb/auto';
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadPack, PAUSED } from '../../src/client/data/packs/pack-download';
import { refreshCatalog } from '../../src/client/data/packs/pack-catalog';
import { fileAt, readMedia } from '../../src/client/data/packs/pack-media';
import { deletePack, discardDownload } from '../../src/client/data/packs/pack-store';
import { AppErrorCode } from '../../src/client/data/errors';
import { testPack } from '../server/support/pack-fixture';
import { PackServer } from './support/pack-server';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Small chunks, so the test files span several chunk rows as a big video would. */
const CHUNK = 16 * 1024;

let server: PackServer;

beforeEach(async () => {
  server = await PackServer.start();
});
afterEach(async () => {
  await server.close();
});

async function bytesOf(blob: Blob | undefined): Promise<Buffer> {
  expect(blob).toBeDefined();
  return Buffer.from(await blob!.arrayBuffer());
}

describe('downloading a course pack for offline use', () => {
  it('stores every file, checked against its hash, and the pack becomes ready with its lessons', async () => {
    const pack = testPack();
    const imported = await server.importPack(pack);
    const { db, endpoint } = await server.tablet();
    const progress: number[] = [];

    await downloadPack(db, endpoint, pack.manifest.course.id, imported.version, { chunkBytes: CHUNK, onProgress: (done) => progress.push(done) });

    const held = await db.packs.get(pack.manifest.course.id);
    expect(held?.ready?.version).toBe(1);
    expect(held?.wanted).toBeUndefined();
    expect(held?.ready?.manifest.lessons[0]?.steps.map((s) => s.kind)).toEqual(['text', 'image', 'video', 'quiz']);
    for (const [path, bytes] of Object.entries(pack.files)) {
      const file = fileAt(held!.ready!.manifest, path)!;
      expect(sha256(await bytesOf(await readMedia(db, file.sha256, file.type)))).toBe(sha256(bytes));
    }
    // The clip spans several chunk rows; progress rose to the whole pack.
    const clip = sha256(pack.files['media/clip.webm']!);
    expect((await db.packChunks.toArray()).filter((c) => c.sha256 === clip).length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(imported.totalBytes);
    expect(server.media.reduce((n, r) => n + r.delivered, 0)).toBe(imported.totalBytes);
  });

  it('a download cut halfway through a file resumes from the stored bytes with a Range request', async () => {
    const pack = testPack();
    const clip = pack.files['media/clip.webm']!;
    const clipHash = sha256(clip);
    const imported = await server.importPack(pack);
    const { db, endpoint } = await server.tablet();
    const id = pack.manifest.course.id;

    // Every file before the clip arrives whole; the clip's answer stops after 70,000 bytes.
    const realTransport = endpoint.transport;
    endpoint.transport = (request) => {
      if (request.url.endsWith(clipHash) && !request.headers.has('Range')) server.cutNextMediaAfter = 70_000;
      return realTransport(request);
    };
    await expect(downloadPack(db, endpoint, id, imported.version, { chunkBytes: CHUNK })).rejects.toMatchObject({ code: AppErrorCode.serverUnreachable });
    const afterCut = await db.packs.get(id);
    expect(afterCut?.ready).toBeUndefined();
    expect(afterCut?.stoppedBy).toBe(AppErrorCode.serverUnreachable);
    // What arrived before the cut is kept, the part chunk too.
    expect((await db.packFiles.get(clipHash))?.storedBytes).toBe(70_000);
    expect(await readMedia(db, clipHash, 'video/webm')).toBeUndefined();

    await downloadPack(db, endpoint, id, imported.version, { chunkBytes: CHUNK });

    const clipRequests = server.media.filter((r) => r.sha256 === clipHash);
    expect(clipRequests).toHaveLength(2);
    expect(clipRequests[1]).toMatchObject({ range: 'bytes=70000-', ifRange: `"${clipHash}"`, status: 206, delivered: clip.length - 70_000 });
    expect(clipRequests.reduce((n, r) => n + r.delivered, 0)).toBe(clip.length);
    expect(sha256(await bytesOf(await readMedia(db, clipHash, 'video/webm')))).toBe(clipHash);
    expect((await db.packs.get(id))?.ready?.version).toBe(1);
    expect((await db.packs.get(id))?.stoppedBy).toBeUndefined();
  });

  it('bytes spoilt on the way are caught by the hash: the file is fetched once more, and a second bad copy stops the download keeping none of it', async () => {
    const pack = testPack();
    const clipHash = sha256(pack.files['media/clip.webm']!);
    const imported = await server.importPack(pack);
    const { db, endpoint } = await server.tablet();
    const id = pack.manifest.course.id;
    const realTransport = endpoint.transport;
    let spoil = 1;
    // The clip's first byte flipped on the way, `spoil` times.
    endpoint.transport = async (request) => {
      const response = await realTransport(request);
      if (!request.url.endsWith(clipHash) || spoil === 0 || !response.body) return response;
      spoil--;
      let first = true;
      const flipFirstByte = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          if (first && chunk.length > 0) {
            chunk = Uint8Array.from(chunk);
            chunk[0] = chunk[0]! ^ 0xff;
            first = false;
          }
          controller.enqueue(chunk);
        },
      });
      return new Response(response.body.pipeThrough(flipFirstByte), { status: response.status, headers: response.headers });
    };

    await downloadPack(db, endpoint, id, imported.version, { chunkBytes: CHUNK });
    expect(server.media.filter((r) => r.sha256 === clipHash)).toHaveLength(2);
    expect(sha256(await bytesOf(await readMedia(db, clipHash, 'video/webm')))).toBe(clipHash);
    expect((await db.packs.get(id))?.ready?.version).toBe(1);

    // A second tablet whose link spoils the clip every time.
    const other = await server.tablet('other');
    other.endpoint.transport = endpoint.transport;
    spoil = 2;
    await expect(downloadPack(other.db, other.endpoint, id, imported.version, { chunkBytes: CHUNK })).rejects.toMatchObject({ code: AppErrorCode.badReply });
    expect((await other.db.packs.get(id))?.ready).toBeUndefined();
    expect((await other.db.packs.get(id))?.stoppedBy).toBe(AppErrorCode.badReply);
    expect((await other.db.packFiles.get(clipHash))?.storedBytes).toBe(0);
    expect(await other.db.packChunks.where('sha256').equals(clipHash).count()).toBe(0);
  });

  it('fetches two files at a time, so the round trips of a slow link overlap', async () => {
    const pack = testPack();
    const imported = await server.importPack(pack);
    const { db, endpoint } = await server.tablet();
    const realTransport = endpoint.transport;
    let underWay = 0;
    let most = 0;
    endpoint.transport = async (request) => {
      if (!request.url.includes('/media/')) return realTransport(request);
      underWay++;
      most = Math.max(most, underWay);
      try {
        // A link's round trip before the answer.
        await new Promise((ok) => setTimeout(ok, 30));
        const response = await realTransport(request);
        return new Response(await response.arrayBuffer(), { status: response.status, headers: response.headers });
      } finally {
        underWay--;
      }
    };
    await downloadPack(db, endpoint, pack.manifest.course.id, imported.version, { chunkBytes: CHUNK });
    expect(most).toBe(2);
    expect((await db.packs.get(pack.manifest.course.id))?.ready?.version).toBe(1);
  });

  it('a paused download keeps its bytes and goes on from them', async () => {
    const pack = testPack();
    const imported = await server.importPack(pack);
    const { db, endpoint } = await server.tablet();
    const id = pack.manifest.course.id;
    const pause = new AbortController();

    await downloadPack(db, endpoint, id, imported.version, {
      chunkBytes: CHUNK,
      signal: pause.signal,
      onProgress: (done) => {
        if (done > 40_000) pause.abort();
      },
    });
    const paused = await db.packs.get(id);
    expect(paused?.stoppedBy).toBe(PAUSED);
    expect(paused?.ready).toBeUndefined();

    await downloadPack(db, endpoint, id, imported.version, { chunkBytes: CHUNK });
    expect((await db.packs.get(id))?.ready?.version).toBe(1);
    // Nothing fetched twice: the bytes delivered add up to the pack, give or take the chunk that was arriving.
    const delivered = server.media.reduce((n, r) => n + r.delivered, 0);
    expect(delivered).toBeGreaterThanOrEqual(imported.totalBytes);
    expect(delivered).toBeLessThanOrEqual(imported.totalBytes + CHUNK * 4);
  });

  it('an update fetches only the files that changed and drops the ones no longer used', async () => {
    const first = testPack();
    const v1 = await server.importPack(first);
    const { db, endpoint } = await server.tablet();
    const id = first.manifest.course.id;
    await downloadPack(db, endpoint, id, v1.version, { chunkBytes: CHUNK });
    const oldPear = sha256(first.files['media/pear.webp']!);

    const second = testPack();
    second.files = { ...first.files, 'media/pear.webp': randomBytes(2_700) };
    const v2 = await server.importPack(second);
    expect(v2.version).toBe(2);
    server.media.length = 0;

    await refreshCatalog(db, endpoint);
    expect((await db.packCatalog.get(id))?.version).toBe(2);
    await downloadPack(db, endpoint, id, v2.version, { chunkBytes: CHUNK });

    expect(server.media.map((r) => r.sha256)).toEqual([sha256(second.files['media/pear.webp']!)]);
    expect((await db.packs.get(id))?.ready?.version).toBe(2);
    expect(await db.packFiles.get(oldPear)).toBeUndefined();
    expect(await db.packFiles.count()).toBe(4);
  });

  it('deleting a pack frees its own files and keeps those another pack uses', async () => {
    const one = testPack('course-one');
    const two = testPack('course-two');
    // The second course shows the same apple picture; the rest of its files are its own.
    two.files['media/apple.webp'] = one.files['media/apple.webp']!;
    await server.importPack(one);
    await server.importPack(two);
    const { db, endpoint } = await server.tablet();
    await downloadPack(db, endpoint, 'course-one', 1, { chunkBytes: CHUNK });
    await downloadPack(db, endpoint, 'course-two', 1, { chunkBytes: CHUNK });
    expect(await db.packFiles.count()).toBe(7);

    await deletePack(db, 'course-one');

    expect(await db.packs.get('course-one')).toBeUndefined();
    const apple = sha256(one.files['media/apple.webp']!);
    expect(sha256(await bytesOf(await readMedia(db, apple, 'image/webp')))).toBe(apple);
    expect(await db.packFiles.get(sha256(one.files['media/clip.webm']!))).toBeUndefined();
    expect(await db.packFiles.count()).toBe(4);
    const chunkedFiles = new Set((await db.packChunks.toArray()).map((c) => c.sha256));
    expect([...chunkedFiles].sort()).toEqual(Object.values(two.files).map(sha256).sort());
  });

  it('a partial download can be removed, leaving the version held before it as it was', async () => {
    const first = testPack();
    await server.importPack(first);
    const { db, endpoint } = await server.tablet();
    const id = first.manifest.course.id;
    await downloadPack(db, endpoint, id, 1, { chunkBytes: CHUNK });
    const second = testPack();
    second.files = { ...first.files, 'media/clip.webm': randomBytes(120_000) };
    await server.importPack(second);
    const newClip = sha256(second.files['media/clip.webm']!);
    const realTransport = endpoint.transport;
    endpoint.transport = (request) => {
      if (request.url.endsWith(newClip)) server.cutNextMediaAfter = 50_000;
      return realTransport(request);
    };
    await expect(downloadPack(db, endpoint, id, 2, { chunkBytes: CHUNK })).rejects.toMatchObject({ code: AppErrorCode.serverUnreachable });
    expect((await db.packs.get(id))?.wanted?.version).toBe(2);

    await discardDownload(db, id);

    const held = await db.packs.get(id);
    expect(held?.ready?.version).toBe(1);
    expect(held?.wanted).toBeUndefined();
    expect(await db.packFiles.get(newClip)).toBeUndefined();
    const oldClip = sha256(first.files['media/clip.webm']!);
    expect(sha256(await bytesOf(await readMedia(db, oldClip, 'video/webm')))).toBe(oldClip);
  });

  it('a pack the county stops offering keeps working on the tablet, marked as removed', async () => {
    const pack = testPack();
    await server.importPack(pack);
    const { db, endpoint } = await server.tablet();
    const id = pack.manifest.course.id;
    await downloadPack(db, endpoint, id, 1, { chunkBytes: CHUNK });
    await refreshCatalog(db, endpoint);
    expect((await db.packs.get(id))?.removedOnServer ?? false).toBe(false);

    // The county withdraws the pack: its list no longer names it.
    const realTransport = endpoint.transport;
    endpoint.transport = async (request) => {
      const response = await realTransport(request);
      if (!request.url.endsWith('/api/packs')) return response;
      const body = (await response.json()) as { packs: { id: string }[] };
      return Response.json({ packs: body.packs.filter((p) => p.id !== id) });
    };
    await refreshCatalog(db, endpoint);

    const held = await db.packs.get(id);
    expect(held?.removedOnServer).toBe(true);
    expect(await db.packCatalog.count()).toBe(0);
    const clip = fileAt(held!.ready!.manifest, 'media/clip.webm')!;
    expect(sha256(await bytesOf(await readMedia(db, clip.sha256, clip.type)))).toBe(clip.sha256);
  });
});
