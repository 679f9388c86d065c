import type { StoredPackManifest } from '../../../shared/packs/pack-manifest';
import type { CunzhanDb } from '../db';
import { chunksOf } from './pack-store';

/** What a step's media path stands for in a manifest: its hash and type. */
export function fileAt(manifest: StoredPackManifest, path: string): { sha256: string; type: string } | undefined {
  return manifest.files.find((f) => f.path === path);
}

/**
 * A checked media file as one Blob made of its stored chunks (the browser
 * reads them from disk as the player needs them, so seeking works offline),
 * or undefined when the tablet does not hold it whole and checked.
 */
export async function readMedia(db: CunzhanDb, sha256: string, type: string): Promise<Blob | undefined> {
  const file = await db.packFiles.get(sha256);
  if (!file?.verified) return undefined;
  const chunks = await chunksOf(db, sha256);
  const blob = new Blob(
    chunks.map((c) => c.data),
    { type },
  );
  return blob.size === file.size ? blob : undefined;
}
