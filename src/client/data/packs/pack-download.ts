import type { PackFile } from '../../../shared/packs/pack-manifest';
import type { CunzhanDb } from '../db';
import { AppError, AppErrorCode, toAppError } from '../errors';
import { fetchMedia, fetchPackVersion, type PackEndpoint } from './pack-client';
import { chunksOf, distinctFiles, promoteWanted, resetFile } from './pack-store';
import type { HeldVersion, PackFileRow } from './pack-tables';
import { Sha256 } from '../../../shared/domain/sha256';
import { sha256OfParts } from './sha256-stream';

/** Bytes gathered before they are saved as one chunk row; a cut keeps what arrived since (see `saveFile`). */
export const CHUNK_BYTES = 512 * 1024;

/** Why a download stopped when the person paused it (`PackRow.stoppedBy`). */
export const PAUSED = 'paused';

/**
 * Files fetched at the same time. Over a slow link each request waits a
 * round trip before its first byte, and each file is checked after it
 * arrives; with two under way the link stays busy through both.
 */
export const FILES_AT_ONCE = 2;

/** A checksum that does not match: the file is fetched again from zero, this many times. */
const REFETCHES = 1;

export interface DownloadOptions {
  /** Aborting it pauses the download; what arrived stays for the next attempt. */
  signal?: AbortSignal | undefined;
  /** Bytes of the version on the tablet so far (checked, stored or arriving) against its total. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  chunkBytes?: number | undefined;
}

function contentRangeStart(header: string | null): number | undefined {
  const match = /^bytes (\d+)-\d+\/\d+$/.exec(header?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

function paused(signal: AbortSignal | undefined): boolean {
  return signal?.aborted ?? false;
}

/**
 * Two downloads (two packs, or two tabs) that share a file take turns on
 * it (a Web Lock per file), so its chunks are written by one at a time.
 */
function oneWriterPerFile(sha256: string, signal: AbortSignal | undefined, run: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (!locks?.request) return run();
  return locks.request(`cunzhan-pack-file:${sha256}`, signal ? { signal } : {}, run);
}

/**
 * Runs `work` on every item, `limit` at a time. The first failure stops the
 * others (their signal aborts, so they keep what arrived and end) and is the
 * one thrown; `outer` aborting (a pause) stops them all.
 */
async function eachAtOnce<T>(items: readonly T[], limit: number, outer: AbortSignal | undefined, work: (item: T, signal: AbortSignal) => Promise<void>): Promise<void> {
  const stop = new AbortController();
  const signal = stop.signal;
  if (outer?.aborted) stop.abort();
  outer?.addEventListener('abort', () => stop.abort(), { once: true });
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && !signal.aborted && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item, signal);
      } catch (error) {
        failure ??= { error };
        stop.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure.error;
  if (outer?.aborted) throw new DOMException('paused', 'AbortError');
}

/** The version to fetch: the one already wanted (its manifest kept), else its manifest from the server. */
async function wantVersion(db: CunzhanDb, endpoint: PackEndpoint, id: string, version: number): Promise<HeldVersion | undefined> {
  const pack = await db.packs.get(id);
  if (pack?.wanted?.version === version) return pack.wanted;
  if (pack?.ready?.version === version && !pack.wanted) return undefined;
  const answer = await fetchPackVersion(endpoint, id, version);
  const wanted: HeldVersion = { version: answer.version, manifest: answer.manifest, totalBytes: answer.totalBytes };
  await db.packs.put({ ...(pack ?? { id }), id, wanted, stoppedBy: undefined, updatedAt: new Date().toISOString() });
  return wanted;
}

/** Each file of the version with its local record, made for files the tablet has not seen. */
async function fileRows(db: CunzhanDb, files: readonly PackFile[]): Promise<PackFileRow[]> {
  return db.transaction('rw', db.packFiles, async () => {
    const rows = await db.packFiles.bulkGet(files.map((f) => f.sha256));
    const fresh: PackFileRow[] = [];
    const all = files.map((file, i) => {
      const row = rows[i];
      if (row) return row;
      const made: PackFileRow = { sha256: file.sha256, size: file.size, type: file.type, storedBytes: 0, chunks: 0, verified: false };
      fresh.push(made);
      return made;
    });
    await db.packFiles.bulkAdd(fresh);
    return all;
  });
}

/**
 * Fetches the bytes of a file the tablet lacks, from its stored length on,
 * saving them in chunks as they arrive. When the link is cut or the person
 * pauses, the bytes already received are saved too, so the next request
 * asks only for the rest (`Range: bytes=<stored>-`). Answers the SHA-256 of
 * the whole file as stored: the bytes are hashed as they arrive (and those
 * stored before, while the request crosses the link), so the check costs
 * nothing once the last byte is in.
 */
async function saveFile(db: CunzhanDb, endpoint: PackEndpoint, start: PackFileRow, options: DownloadOptions, onBytes: (n: number) => void): Promise<string> {
  const { sha256, size } = start;
  let stored = start.storedBytes;
  let index = start.chunks;
  const answer = fetchMedia(endpoint, sha256, stored, options.signal ?? new AbortController().signal);
  // Its failure is met below, once the stored part is hashed.
  answer.catch(() => undefined);
  let hash = new Sha256();
  if (stored > 0) for (const chunk of await chunksOf(db, sha256)) hash.update(new Uint8Array(await chunk.data.arrayBuffer()));
  const response = await answer;
  if (response.status === 206) {
    if (contentRangeStart(response.headers.get('Content-Range')) !== stored) {
      throw new AppError(AppErrorCode.badReply, { detail: `media ${sha256}: a part that does not start at ${stored}` });
    }
  } else if (stored > 0) {
    // The whole file came back (the server's file is not the one we began): start over.
    onBytes(-stored);
    await resetFile(db, sha256);
    stored = 0;
    index = 0;
    hash = new Sha256();
  }
  if (!response.body) throw new AppError(AppErrorCode.badReply, { detail: `media ${sha256}: no body` });

  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async (verified = false) => {
    if (pendingBytes === 0) return;
    const data = new Blob(pending as BlobPart[]);
    const storedAfter = stored + pendingBytes;
    const chunkIndex = index;
    await db.transaction('rw', db.packFiles, db.packChunks, async () => {
      await db.packChunks.add({ sha256, index: chunkIndex, data });
      await db.packFiles.update(sha256, { storedBytes: storedAfter, chunks: chunkIndex + 1, ...(verified && { verified }) });
    });
    stored = storedAfter;
    index = chunkIndex + 1;
    pending = [];
    pendingBytes = 0;
  };

  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (stored + pendingBytes + value.byteLength > size) {
        throw new AppError(AppErrorCode.badReply, { detail: `media ${sha256}: longer than its ${size} bytes` });
      }
      hash.update(value);
      pending.push(value);
      pendingBytes += value.byteLength;
      onBytes(value.byteLength);
      // The file's last bytes wait for the end, to be saved with its check.
      if (pendingBytes >= (options.chunkBytes ?? CHUNK_BYTES) && stored + pendingBytes < size) await flush();
      // A transport that does not watch the signal still stops here.
      if (paused(options.signal)) throw new DOMException('paused', 'AbortError');
    }
  } catch (e) {
    // Bytes that arrived before the cut are good bytes: keep them for the resume.
    await flush().catch(() => undefined);
    void reader.cancel().catch(() => undefined);
    throw e;
  }
  // The last chunk and the file's check are saved together.
  const digest = stored + pendingBytes === size ? hash.hex() : '';
  await flush(digest === sha256);
  return digest;
}

/** The SHA-256 of a file's stored bytes, read back ('' when they are not all there). */
async function digestOfStored(db: CunzhanDb, row: PackFileRow): Promise<string> {
  const parts = (await chunksOf(db, row.sha256)).map((c) => c.data);
  const size = parts.reduce((n, p) => n + p.size, 0);
  return size === row.size ? sha256OfParts(parts) : '';
}

/**
 * Downloads version `version` of pack `id` for offline use (S13): files
 * already held (checked, under their sha256) are not fetched again, so an
 * update fetches only what changed; a file cut halfway resumes from its
 * stored bytes. Every file is checked against its SHA-256, and only when all
 * are does the version become the one the lessons play from. Throws an
 * AppError; a pause (the signal) leaves `stoppedBy: 'paused'`.
 */
export async function downloadPack(db: CunzhanDb, endpoint: PackEndpoint, id: string, version: number, options: DownloadOptions = {}): Promise<void> {
  try {
    const wanted = await wantVersion(db, endpoint, id, version);
    if (!wanted) return;
    const files = distinctFiles(wanted.manifest.files);
    const rows = await fileRows(db, files);
    const total = rows.reduce((n, r) => n + r.size, 0);
    let done = rows.reduce((n, r) => n + (r.verified ? r.size : r.storedBytes), 0);
    const report = (n: number) => {
      done += n;
      options.onProgress?.(done, total);
    };
    report(0);
    await eachAtOnce(rows, FILES_AT_ONCE, options.signal, (first, signal) =>
      oneWriterPerFile(first.sha256, signal, async () => {
        for (let attempt = 0; ; attempt++) {
          // Read again: another pack sharing this file may have fetched it meanwhile.
          const row = (await db.packFiles.get(first.sha256)) ?? first;
          if (row.verified) return;
          if (row.storedBytes < row.size) {
            // Saved with its check when the bytes are right.
            if ((await saveFile(db, endpoint, row, { ...options, signal }, report)) === row.sha256) return;
          } else if ((await digestOfStored(db, row)) === row.sha256) {
            // Whole on the tablet but not checked yet (stopped between its last bytes and its check): read back.
            await db.packFiles.update(row.sha256, { verified: true });
            return;
          }
          // Not the file the manifest names: forget its bytes and fetch it again.
          report(-((await db.packFiles.get(row.sha256))?.storedBytes ?? 0));
          await resetFile(db, row.sha256);
          if (attempt >= REFETCHES) throw new AppError(AppErrorCode.badReply, { detail: `media ${row.sha256}: checksum mismatch` });
        }
      }),
    );
    await promoteWanted(db, id);
  } catch (e) {
    const reason = paused(options.signal) ? PAUSED : toAppError(e).code;
    // Saying why it stopped may itself fail on a full disk; the reason is thrown either way.
    await db.packs.update(id, { stoppedBy: reason }).catch(() => undefined);
    if (reason === PAUSED) return;
    throw toAppError(e);
  }
}
