import { Dexie } from 'dexie';
import type { CunzhanDb } from '../db';
import type { PackFile } from '../../../shared/packs/pack-manifest';
import type { PackChunkRow, PackRow } from './pack-tables';

/** The chunks of one file, in order. */
export function chunksOf(db: CunzhanDb, sha256: string): Promise<PackChunkRow[]> {
  return db.packChunks.where('[sha256+index]').between([sha256, Dexie.minKey], [sha256, Dexie.maxKey]).toArray();
}

/** Forgets every byte stored of a file, so its download starts again from zero. */
export async function resetFile(db: CunzhanDb, sha256: string): Promise<void> {
  await db.transaction('rw', db.packFiles, db.packChunks, async () => {
    await db.packChunks.where('[sha256+index]').between([sha256, Dexie.minKey], [sha256, Dexie.maxKey]).delete();
    await db.packFiles.update(sha256, { storedBytes: 0, chunks: 0, verified: false });
  });
}

/** Each file of a manifest once: two steps may show the same picture. */
export function distinctFiles(files: readonly PackFile[]): PackFile[] {
  const seen = new Map<string, PackFile>();
  for (const file of files) if (!seen.has(file.sha256)) seen.set(file.sha256, file);
  return [...seen.values()];
}

function filesHeldBy(pack: PackRow): string[] {
  return [...(pack.ready?.manifest.files ?? []), ...(pack.wanted?.manifest.files ?? [])].map((f) => f.sha256);
}

/**
 * Removes the files no kept pack version lists any more (an update's
 * replaced files, a deleted pack's). A file another pack still uses stays.
 * Runs inside the caller's transaction over packs, packFiles and packChunks.
 */
async function dropUnusedFiles(db: CunzhanDb): Promise<void> {
  const packs = await db.packs.toArray();
  const used = new Set(packs.flatMap(filesHeldBy));
  const unused = (await db.packFiles.toCollection().primaryKeys()).filter((sha) => !used.has(sha));
  for (const sha256 of unused) {
    await db.packChunks.where('[sha256+index]').between([sha256, Dexie.minKey], [sha256, Dexie.maxKey]).delete();
  }
  await db.packFiles.bulkDelete(unused);
}

function packTables(db: CunzhanDb) {
  return [db.packs, db.packFiles, db.packChunks] as const;
}

/** Deletes a pack from this tablet to free space; files another kept pack uses stay. */
export async function deletePack(db: CunzhanDb, id: string): Promise<void> {
  await db.transaction('rw', packTables(db), async () => {
    await db.packs.delete(id);
    await dropUnusedFiles(db);
  });
}

/**
 * Drops a download that has not finished: the bytes it stored go, and the
 * version held before it (if any) stays as it was.
 */
export async function discardDownload(db: CunzhanDb, id: string): Promise<void> {
  await db.transaction('rw', packTables(db), async () => {
    const pack = await db.packs.get(id);
    if (!pack) return;
    if (pack.ready) await db.packs.put({ ...pack, wanted: undefined, stoppedBy: undefined, updatedAt: new Date().toISOString() });
    else await db.packs.delete(id);
    await dropUnusedFiles(db);
  });
}

/** The wanted version becomes the one the lessons play from; the files only the old one used go. */
export async function promoteWanted(db: CunzhanDb, id: string): Promise<void> {
  await db.transaction('rw', packTables(db), async () => {
    const pack = await db.packs.get(id);
    if (!pack?.wanted) return;
    await db.packs.put({ ...pack, ready: pack.wanted, wanted: undefined, stoppedBy: undefined, updatedAt: new Date().toISOString() });
    await dropUnusedFiles(db);
  });
}
