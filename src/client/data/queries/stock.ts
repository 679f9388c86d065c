import { useLiveQuery } from 'dexie-react-hooks';
import type { Language, StockMovement } from '../../../shared/domain/entities';
import { stockState } from '../../../shared/domain/stock';
import { db as defaultDb, type CunzhanDb } from '../db';
import { sortProducts, withLevels, type ProductWithStock } from './products';

/** Active products at or below their threshold: low, out and oversold. */
export async function lowStock(database: CunzhanDb, lang: Language = 'zh-CN'): Promise<ProductWithStock[]> {
  const active = (await database.products.toArray()).filter((p) => p.active);
  const all = await withLevels(database, active);
  return sortProducts(all.filter((p) => stockState(p.level, p) !== 'ok'), lang).sort((a, b) => a.level - b.level);
}

/** Products sold below zero (S7): two tablets sold the last unit; staff should count. */
export async function oversold(database: CunzhanDb, lang: Language = 'zh-CN'): Promise<ProductWithStock[]> {
  const negative = await database.stockLevels.filter((s) => s.level < 0).toArray();
  const products = (await database.products.bulkGet(negative.map((s) => s.productId))).filter((p) => p !== undefined);
  return sortProducts(await withLevels(database, products), lang);
}

export function useOversold(lang: Language = 'zh-CN'): ProductWithStock[] | undefined {
  return useLiveQuery(() => oversold(defaultDb, lang), [lang]);
}

/** Movements of one product, newest first (sales are listed by useSales). */
export async function movementsOf(database: CunzhanDb, productId: string): Promise<StockMovement[]> {
  return database.movements
    .where('[productId+createdAt]')
    .between([productId, ''], [productId, '\uffff'])
    .reverse()
    .toArray();
}

export function useMovements(productId: string): StockMovement[] | undefined {
  return useLiveQuery(() => movementsOf(defaultDb, productId), [productId]);
}
