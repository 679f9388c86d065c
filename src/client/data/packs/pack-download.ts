import type { PackFile } from '../../../shared/packs/pack-manifest';
import type { CunzhanDb } from '../db';
import { AppError, AppErrorCode, toAppError } from '../errors';
import { fetchMedia, fetchPackVersion, type PackEndpoint } from './pack-client';
import { chunksOf, distinctFiles, promoteWanted, resetFile } from './pack-store';
import type { HeldVersion, PackFileRow } from './pack-tables';
import { sha256OfParts } from './sha256-stream';

/** Bytes gathered before they are saved as one chunk row; a cut keeps what arrived since (see `saveFile`). */
export const CHUNK_BYTES = 512 * 1024;

/** Why a download stopped when the person paused it (`PackRow.stoppedBy`). */
export const PAUSED = 'paused';

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
 * asks only for the rest (`Range: bytes=<stored>-`).
 */
async function saveFile(db: CunzhanDb, endpoint: PackEndpoint, start: PackFileRow, options: DownloadOptions, onBytes: (n: number) => void): Promise<void> {
  const { sha256, size } = start;
  let stored = start.storedBytes;
  let index = start.chunks;
  const response = await fetchMedia(endpoint, sha256, stored, options.signal ?? new AbortController().signal);
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
  }
  if (!response.body) throw new AppError(AppErrorCode.badReply, { detail: `media ${sha256}: no body` });

  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = new Blob(pending as BlobPart[]);
    const storedAfter = stored + pendingBytes;
    const chunkIndex = index;
    await db.transaction('rw', db.packFiles, db.packChunks, async () => {
      await db.packChunks.add({ sha256, index: chunkIndex, data });
      await db.packFiles.update(sha256, { storedBytes: storedAfter, chunks: chunkIndex + 1 });
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
      pending.push(value);
      pendingBytes += value.byteLength;
      onBytes(value.byteLength);
      if (pendingBytes >= (options.chunkBytes ?? CHUNK_BYTES)) await flush();
      // A transport that does not watch the signal still stops here.
      if (paused(options.signal)) throw new DOMException('paused', 'AbortError');
    }
  } catch (e) {
    // Bytes that arrived before the cut are good bytes: keep them for the resume.
    await flush().catch(() => undefined);
    void reader.cancel().catch(() => undefined);
    throw e;
  }
  await flush();
}

/** Hashes the stored bytes; true when they are the file the manifest names. A wrong file is forgotten. */
async function checkFile(db: CunzhanDb, row: PackFileRow): Promise<boolean> {
  const parts = (await chunksOf(db, row.sha256)).map((c) => c.data);
  const size = parts.reduce((n, p) => n + p.size, 0);
  const digest = size === row.size ? await sha256OfParts(parts) : '';
  if (digest !== row.sha256) {
    await resetFile(db, row.sha256);
    return false;
  }
  await db.packFiles.update(row.sha256, { verified: true });
  return true;
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
    for (const first of rows) {
      await oneWriterPerFile(first.sha256, options.signal, async () => {
        for (let attempt = 0; ; attempt++) {
          // Read again: another pack sharing this file may have fetched it meanwhile.
          const row = (await db.packFiles.get(first.sha256)) ?? first;
          if (row.verified) return;
          if (row.storedBytes < row.size) await saveFile(db, endpoint, row, options, report);
          const stored = (await db.packFiles.get(row.sha256)) ?? row;
          if (await checkFile(db, stored)) return;
          report(-stored.storedBytes);
          if (attempt >= REFETCHES) throw new AppError(AppErrorCode.badReply, { detail: `media ${row.sha256}: checksum mismatch` });
        }
      });
    }
    await promoteWanted(db, id);
  } catch (e) {
    const reason = paused(options.signal) ? PAUSED : toAppError(e).code;
    // Saying why it stopped may itself fail on a full disk; the reason is thrown either way.
    await db.packs.update(id, { stoppedBy: reason }).catch(() => undefined);
    if (reason === PAUSED) return;
    throw toAppError(e);
  }
}
