import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import { distinctFiles } from './pack-store';
import type { PackCatalogRow, PackRow } from './pack-tables';

export function usePacks(): PackRow[] | undefined {
  return useLiveQuery(() => db.packs.toArray(), []);
}

export function usePack(id: string): PackRow | null | undefined {
  return useLiveQuery(async () => (await db.packs.get(id)) ?? null, [id]);
}

export function usePackCatalog(): PackCatalogRow[] | undefined {
  return useLiveQuery(() => db.packCatalog.toArray(), []);
}

/** Bytes of the wanted version already stored (checked or not) against its total, from what IndexedDB holds. */
export function useStoredProgress(pack: PackRow | null | undefined): { done: number; total: number } | undefined {
  const files = pack?.wanted ? distinctFiles(pack.wanted.manifest.files) : [];
  const key = files.map((f) => f.sha256).join(',');
  return useLiveQuery(async () => {
    if (files.length === 0) return undefined;
    const rows = await db.packFiles.bulkGet(files.map((f) => f.sha256));
    const done = rows.reduce((n, r) => n + (r ? (r.verified ? r.size : r.storedBytes) : 0), 0);
    return { done, total: files.reduce((n, f) => n + f.size, 0) };
  }, [key]);
}
