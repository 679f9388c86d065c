import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as v from 'valibot';
import type { PackImportResponse } from '../../shared/packs/pack-api';
import { MANIFEST_FILE, PACK_LIMITS, packManifest, type PackFile, type StoredPackManifest } from '../../shared/packs/pack-manifest';
import type { Store } from '../store/store';
import type { MediaFiles } from './media-files';
import { PackRefused } from './pack-refused';
import { openPackSource, type PackSource } from './pack-source';
import { escapingPath } from './escaping-path';

export type ImportedPack = PackImportResponse;

const MANIFEST_MAX_BYTES = 1024 * 1024;

async function readAll(stream: Readable, limit: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PackRefused('too_large', `${what} is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The manifest as JSON, its paths and then its schema checked: the first problem is named. */
async function readManifest(source: PackSource): Promise<v.InferOutput<typeof packManifest>> {
  const stream = await source.open(MANIFEST_FILE);
  if (!stream) throw new PackRefused('no_manifest', `the pack has no ${MANIFEST_FILE}`);
  let json: unknown;
  try {
    json = JSON.parse((await readAll(stream, MANIFEST_MAX_BYTES, MANIFEST_FILE)).toString('utf8'));
  } catch (error) {
    if (error instanceof PackRefused) throw error;
    throw new PackRefused('bad_manifest', `${MANIFEST_FILE} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const escaping = escapingPath(json);
  if (escaping !== undefined) throw new PackRefused('path_escape', `${MANIFEST_FILE} names ${JSON.stringify(escaping)}, which leads outside the pack`);
  const parsed = v.safeParse(packManifest, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new PackRefused('bad_manifest', `${MANIFEST_FILE}: ${where ? `${where}: ` : ''}${issue.message}`);
  }
  return parsed.output;
}

interface StagedFile {
  file: PackFile;
  staged: string;
}

/** Copies one file to the staging folder, hashing and counting it on the way, and checks it against the manifest. */
async function stageFile(source: PackSource, listed: v.InferOutput<typeof packManifest>['files'][number], staged: string): Promise<PackFile> {
  const stream = await source.open(listed.path);
  if (!stream) throw new PackRefused('missing_file', `the manifest lists ${listed.path}, which is not in the pack`);
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > PACK_LIMITS.fileBytes) {
        done(new PackRefused('too_large', `${listed.path} is larger than ${PACK_LIMITS.fileBytes} bytes`));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(stream, counter, createWriteStream(staged));
  const sha256 = hash.digest('hex');
  if (size === 0) throw new PackRefused('bad_manifest', `${listed.path} is empty`);
  if (listed.size !== undefined && listed.size !== size) {
    throw new PackRefused('size_mismatch', `${listed.path} is ${size} bytes, the manifest says ${listed.size}`);
  }
  if (listed.sha256 !== undefined && listed.sha256 !== sha256) {
    throw new PackRefused('checksum_mismatch', `${listed.path} has sha256 ${sha256}, the manifest says ${listed.sha256}`);
  }
  return { ...listed, sha256, size };
}

/**
 * Imports a pack folder or zip as the next version of its course. Every
 * check runs before anything is kept: a refused pack (PackRefused, naming
 * the problem) leaves no rows and no files. Files are kept once each by
 * sha256, so a new version stores only the files that changed, and the
 * same pack imported again changes nothing (S13).
 */
export async function importPack(store: Store, media: MediaFiles, path: string, now = new Date().toISOString()): Promise<ImportedPack> {
  return importPackFrom(store, media, await openPackSource(path), now);
}

/** importPack from a source already open: a promoted lesson variant comes this way, checked the same. */
export async function importPackFrom(store: Store, media: MediaFiles, source: PackSource, now = new Date().toISOString()): Promise<ImportedPack> {
  const listed = await readManifest(source);
  const staging = await media.stagingDir();
  const placed: string[] = [];
  try {
    const staged: StagedFile[] = [];
    let total = 0;
    for (const [index, file] of listed.files.entries()) {
      const stagedPath = join(staging, String(index));
      const checked = await stageFile(source, file, stagedPath);
      total += checked.size;
      if (total > PACK_LIMITS.packBytes) throw new PackRefused('too_large', `the pack is larger than ${PACK_LIMITS.packBytes} bytes`);
      staged.push({ file: checked, staged: stagedPath });
    }
    const manifest: StoredPackManifest = { ...listed, files: staged.map((s) => s.file) };

    let newBytes = 0;
    for (const s of staged) {
      if (await media.place(s.staged, s.file.sha256)) {
        placed.push(s.file.sha256);
        newBytes += s.file.size;
      }
    }
    const recorded = await store.packs.recordVersion({ manifest, importedAt: now });
    return {
      id: manifest.course.id,
      version: recorded.version,
      created: recorded.created,
      files: manifest.files.length,
      totalBytes: total,
      newFiles: placed.length,
      newBytes,
    };
  } catch (error) {
    // Files this import placed and no pack records go again: nothing is half-imported.
    const recorded = placed.length > 0 ? await store.packs.knownMedia(placed).catch(() => new Set<string>()) : new Set<string>();
    for (const sha256 of placed) if (!recorded.has(sha256)) await media.remove(sha256);
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
