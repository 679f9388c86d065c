import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPack, type ImportedPack } from '../packs/import-pack';
import { MediaFiles, mediaDirOf } from '../packs/media-files';
import type { PackManifest } from '../../shared/packs/pack-manifest';
import type { Store } from '../store/store';

const IN_SOURCE = join('src', 'server', 'seed', 'demo-pack');

/**
 * The demo course pack's folder: beside this file when run from source; from
 * a built server (dist/server, or any build inside the project), the source
 * tree's, found by looking upwards.
 */
export function demoPackDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'demo-pack');
  if (existsSync(join(beside, 'manifest.json'))) return beside;
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, IN_SOURCE);
    if (existsSync(join(candidate, 'manifest.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`the demo course pack (${IN_SOURCE}) is missing`);
  }
}

/** The demo course pack's manifest, as its folder has it: what the demo's sessions and variants are made from. */
export function demoPackManifest(): PackManifest {
  return JSON.parse(readFileSync(join(demoPackDir(), 'manifest.json'), 'utf8')) as PackManifest;
}

/**
 * Imports the demo course, "Selling your produce online". Run on every start
 * of a demo server: the same pack again changes nothing, and a release with
 * a changed pack adds its next version.
 */
export async function importDemoCourse(store: Store, dataDir: string, now?: string): Promise<ImportedPack> {
  return importPack(store, new MediaFiles(mediaDirOf(dataDir)), demoPackDir(), now);
}
