import type { Product, Sale } from '../../../src/shared/domain/entities';
import { uuidv7 } from '../../../src/shared/domain/ids';
import type { Store } from '../../../src/server/store/store';
import { seededRandom, syncedSale } from '../harness/fixtures';

/**
 * Setup for a pull-only run (`BENCH_ONLY=pull`): `n` synced sales written
 * straight into the server's store as if another tablet had pushed them,
 * instead of creating and pushing them through a tablet first (minutes).
 * The rows have the shape the push path stores; the timed pull is unchanged.
 */
export async function seedServerSales(store: Store, centreId: string, n: number): Promise<void> {
  const products: Product[] = [];
  let staffId: string | undefined;
  for (let after = 0; ; ) {
    const page = await store.pull(centreId, after, 5000);
    for (const row of page.rows) {
      if (row.table === 'products') products.push(JSON.parse(row.json) as Product);
      if (row.table === 'staff') staffId ??= (JSON.parse(row.json) as { id: string }).id;
    }
    if (!page.hasMore) break;
    after = page.cursor;
  }
  if (products.length === 0 || staffId === undefined) throw new Error('seed the demo centre first');
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
