import type { Product, Sale, Staff } from '../../../src/shared/domain/entities';
import { uuidv7 } from '../../../src/shared/domain/ids';
import type { Store } from '../../../src/server/store/store';
import { seededRandom, syncedSale } from '../harness/fixtures';

/** A centre's products and staff, read from its change feed. */
export async function centreShelf(store: Store, centreId: string): Promise<{ products: Product[]; staff: Staff[] }> {
  const products: Product[] = [];
  const staff: Staff[] = [];
  for (let after = 0; ; ) {
    const page = await store.pull(centreId, after, 5000);
    for (const row of page.rows) {
      if (row.table === 'products') products.push(JSON.parse(row.json) as Product);
      if (row.table === 'staff') staff.push(JSON.parse(row.json) as Staff);
    }
    if (!page.hasMore) break;
    after = page.cursor;
  }
  if (products.length === 0 || staff.length === 0) throw new Error('seed the demo centre first');
  return { products, staff };
}

/**
 * Setup for a pull-only run (`BENCH_ONLY=pull`): `n` synced sales written
 * straight into the server's store as if another tablet had pushed them,
 * instead of creating and pushing them through a tablet first (minutes).
 * The rows have the shape the push path stores; the timed pull is unchanged.
 */
export async function seedServerSales(store: Store, centreId: string, n: number): Promise<void> {
  const { products, staff } = await centreShelf(store, centreId);
  const staffId = staff[0]!.id;
  const random = seededRandom(7);
  const ctx = { centreId, deviceId: uuidv7(), staffId, receiptPrefix: '9' };
  const span = 30 * 86_400_000;
  const from = Date.now() - span;
  const batch = 500;
  for (let done = 0; done < n; done += batch) {
    const sales: Sale[] = [];
    for (let i = done; i < Math.min(n, done + batch); i++) {
      sales.push(syncedSale(products, random, ctx, i + 1, new Date(from + Math.floor((span * i) / n))));
    }
    await store.inCentreTx(centreId, (tx) => tx.writeRows(sales.map((row) => ({ table: 'sales', row })), ctx.deviceId));
  }
}
