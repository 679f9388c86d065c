import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { unzipSync } from 'fflate';
import { PACK_LIMITS } from '../../shared/packs/pack-manifest';
import { PackRefused } from './pack-refused';

/** A pack folder or zip, read by path inside it. */
export interface PackSource {
  /** The file's bytes, or undefined when the pack has no file at that path. */
  open(path: string): Promise<Readable | undefined>;
}

/** A folder on disk. A path (or a link in it) that resolves outside the folder is refused. */
export async function folderSource(root: string): Promise<PackSource> {
  const realRoot = await realpath(root);
  return {
    async open(path) {
      let real: string;
      try {
        real = await realpath(join(realRoot, ...path.split('/')));
      } catch {
        return undefined;
      }
      const inside = relative(realRoot, real);
      if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
        throw new PackRefused('path_escape', `${path} leads outside the pack folder`);
      }
      if (!(await stat(real)).isFile()) return undefined;
      return createReadStream(real);
    },
  };
}

const ZIP_MAGIC = [0x50, 0x4b];

/**
 * A zip, read whole into memory (packs are bounded by PACK_LIMITS.packBytes).
 * Entries are only ever looked up by the manifest's checked paths, never
 * written out by their own names, so a crafted entry name cannot escape.
 * A pack zipped with its folder (`pack/manifest.json`) is read inside it.
 */
export async function zipSource(file: string): Promise<PackSource> {
  const bytes = await readFile(file);
  if (bytes.length < 4 || bytes[0] !== ZIP_MAGIC[0] || bytes[1] !== ZIP_MAGIC[1]) {
    throw new PackRefused('not_a_zip', `${file} is not a zip file`);
  }
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(entry) {
        total += entry.originalSize;
        if (entry.originalSize > PACK_LIMITS.fileBytes || total > PACK_LIMITS.packBytes) {
          throw new PackRefused('too_large', `${file}: ${entry.name} makes the pack larger than a pack may be`);
        }
        return !entry.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof PackRefused) throw error;
    throw new PackRefused('not_a_zip', `${file} is not a readable zip file (${error instanceof Error ? error.message : String(error)})`);
  }
  const names = Object.keys(entries);
  const prefix = names.includes('manifest.json') ? '' : singleFolderPrefix(names);
  return {
    open(path) {
      const entry = entries[prefix + path];
      return Promise.resolve(entry ? Readable.from([Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength)]) : undefined);
    },
  };
}

/** `pack/` when every entry sits in that one folder and it holds the manifest. */
function singleFolderPrefix(names: readonly string[]): string {
  const manifests = names.filter((n) => /^[^/]+\/manifest\.json$/.test(n));
  if (manifests.length !== 1) return '';
  const prefix = manifests[0]!.slice(0, -'manifest.json'.length);
  return names.every((n) => n.startsWith(prefix)) ? prefix : '';
}

/** A folder or a zip file, by what is at `path`. */
export async function openPackSource(path: string): Promise<PackSource> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new PackRefused('not_found', `no file or folder at ${path}`);
  }
  return info.isDirectory() ? folderSource(path) : zipSource(path);
}
