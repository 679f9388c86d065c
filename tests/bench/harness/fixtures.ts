import type { Product, Sale } from '../../../src/shared/domain/entities';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { formatReceiptNo } from '../../../src/client/data/commands/receipt-no';

/** A small seeded generator, so every run sells the same baskets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Basket {
  lines: { productId: string; qty: number }[];
  tenderedFen: number;
}

/** One to three products, one or two of each, paid with the next whole 10 yuan. */
export function basket(products: readonly Product[], random: () => number): Basket {
  const count = 1 + Math.floor(random() * 3);
  const chosen = new Map<string, { product: Product; qty: number }>();
  while (chosen.size < Math.min(count, products.length)) {
    const product = products[Math.floor(random() * products.length)]!;
    chosen.set(product.id, { product, qty: 1 + Math.floor(random() * 2) });
  }
  const lines = [...chosen.values()];
  const total = lines.reduce((sum, l) => sum + l.product.priceFen * l.qty, 0);
  return {
    lines: lines.map((l) => ({ productId: l.product.id, qty: l.qty })),
    tenderedFen: Math.ceil(total / 1000) * 1000 || 1000,
  };
}

export interface SyncedSaleContext {
  centreId: string;
  deviceId: string;
  staffId: string;
  receiptPrefix: string;
}

/**
 * A sale as it looks once synced, made `daysAgo` back: what 100,000 sales
 * of history look like in IndexedDB. Setup only; the timed path is the real command.
 */
export function syncedSale(
  products: readonly Product[],
  random: () => number,
  ctx: SyncedSaleContext,
  counter: number,
  at: Date,
): Sale {
  const { lines: picked, tenderedFen } = basket(products, random);
  const byId = new Map(products.map((p) => [p.id, p]));
  const lines = picked.map(({ productId, qty }) => {
    const p = byId.get(productId)!;
    return { productId, names: p.names, unit: p.unit, unitPriceFen: p.priceFen, qty, lineTotalFen: p.priceFen * qty };
  });
  const totalFen = lines.reduce((sum, l) => sum + l.lineTotalFen, 0);
  const iso = at.toISOString();
  return {
    id: uuidv7(at.getTime()),
    centreId: ctx.centreId,
    receiptNo: formatReceiptNo(ctx.receiptPrefix, counter),
    lines,
    totalFen,
    tenderedFen,
    changeFen: tenderedFen - totalFen,
    payment: 'cash',
    channel: 'counter',
    deviceId: ctx.deviceId,
    createdAt: iso,
    updatedAt: iso,
    createdBy: ctx.staffId,
  };
}
