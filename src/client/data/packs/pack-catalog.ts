import type { PackSummary } from '../../../shared/packs/pack-api';
import type { CunzhanDb } from '../db';
import { toAppError } from '../errors';
import { fetchPackList, type PackEndpoint } from './pack-client';

/**
 * Asks the server which packs the county offers and keeps the answer, so
 * the list reads the same offline. A held pack the county no longer offers
 * is marked, and keeps working: its files stay until someone deletes it.
 */
export async function refreshCatalog(db: CunzhanDb, endpoint: PackEndpoint): Promise<PackSummary[]> {
  const packs = await fetchPackList(endpoint);
  const listedAt = new Date().toISOString();
  const offered = new Set(packs.map((p) => p.id));
  try {
    await db.transaction('rw', db.packCatalog, db.packs, async () => {
      await db.packCatalog.clear();
      await db.packCatalog.bulkPut(packs.map((p) => ({ ...p, listedAt })));
      for (const held of await db.packs.toArray()) {
        const removed = !offered.has(held.id);
        if ((held.removedOnServer ?? false) !== removed) await db.packs.update(held.id, { removedOnServer: removed });
      }
    });
  } catch (e) {
    throw toAppError(e);
  }
  return packs;
}
