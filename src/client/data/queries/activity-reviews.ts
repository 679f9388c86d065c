import { useLiveQuery } from 'dexie-react-hooks';
import type { Review, Sale } from '../../../shared/domain/entities';
import { db as defaultDb, type CunzhanDb } from '../db';

/**
 * Reviews the server wrote for the admin: a sale made offline by someone
 * deactivated before it arrived is kept, not rolled back, and flagged.
 * Which reviews an admin has seen is this tablet's own note, kept in `meta`
 * (not synced): another admin on another tablet sees them too.
 */
const SEEN_KEY = 'reviewsSeen';

export interface FlaggedSale {
  review: Review;
  /** Absent until the sale itself has synced to this tablet. */
  sale: Sale | undefined;
}

async function seenIds(database: CunzhanDb): Promise<Set<string>> {
  const row = await database.meta.get(SEEN_KEY);
  return new Set(Array.isArray(row?.value) ? (row.value as string[]) : []);
}

/** Flagged sales not yet marked seen on this tablet, newest first. */
export async function listFlaggedSales(database: CunzhanDb): Promise<FlaggedSale[]> {
  const seen = await seenIds(database);
  const reviews = (await database.reviews.toArray())
    .filter((r) => r.kind === 'sale_by_inactive_staff' && !seen.has(r.id))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const sales = await database.sales.bulkGet(reviews.map((r) => r.refId));
  return reviews.map((review, i) => ({ review, sale: review.refTable === 'sales' ? sales[i] : undefined }));
}

export function useFlaggedSales(): FlaggedSale[] | undefined {
  return useLiveQuery(() => listFlaggedSales(defaultDb), []);
}

/** Local only: this tablet stops showing the review. */
export async function markReviewSeen(id: string, database: CunzhanDb = defaultDb): Promise<void> {
  await database.transaction('rw', database.meta, async () => {
    const seen = await seenIds(database);
    seen.add(id);
    await database.meta.put({ key: SEEN_KEY, value: [...seen] });
  });
}
