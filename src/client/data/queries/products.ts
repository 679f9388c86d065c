import { liveQuery } from 'dexie';
import { useLiveQuery, useObservable } from 'dexie-react-hooks';
import { nameIn, type Language, type Product } from '../../../shared/domain/entities';
import { db as defaultDb, type CunzhanDb } from '../db';
import { searchProductIds } from '../product-search';
import { productMatcher } from './search';
import { sharedLiveQuery, type SharedLiveQuery } from './shared-live';

export type ProductWithStock = Product & { level: number };

export async function withLevels(database: CunzhanDb, products: readonly Product[]): Promise<ProductWithStock[]> {
  const levels = await database.stockLevels.bulkGet(products.map((p) => p.id));
  return products.map((p, i) => ({ ...p, level: levels[i]?.level ?? 0 }));
}

const collators = new Map<Language, Intl.Collator>();

/** Active products first, then by name in the given language. */
export function sortProducts<T extends Product>(products: T[], lang: Language = 'zh-CN'): T[] {
  // A collator takes longer to make than a few hundred comparisons: one per language.
  let collator = collators.get(lang);
  if (!collator) collators.set(lang, (collator = new Intl.Collator(lang)));
  const keyed = products.map((p) => ({ p, name: nameIn(p.names, lang) }));
  keyed.sort((a, b) => Number(b.p.active) - Number(a.p.active) || collator.compare(a.name, b.name) || a.p.sku.localeCompare(b.p.sku));
  return keyed.map((k) => k.p);
}

/**
 * Products whose search keys start with the query (pinyin and initials too:
 * `kqs` and `shui` find 矿泉水), or whose names, SKU or barcode contain every
 * word of it. The contains test is in memory: a centre has a few thousand
 * products, which scans in a few ms.
 */
export async function searchProducts(database: CunzhanDb, search: string, lang: Language = 'zh-CN'): Promise<ProductWithStock[]> {
  const matches = productMatcher(search);
  const [all, keyed] = await Promise.all([database.products.toArray(), search.trim() ? searchProductIds(database, search) : null]);
  const products = all.filter((p) => keyed?.has(p.id) || matches(p));
  return withLevels(database, sortProducts(products, lang));
}

/**
 * Every product, live and shared: the sell screen and its picker read it
 * together, and the signed-in frame keeps it live (keepProductsLive) so the
 * sell screen opens with its tiles instead of loading them again.
 */
export function allProductsLive(lang: Language = 'zh-CN'): SharedLiveQuery<ProductWithStock[]> {
  return sharedLiveQuery(`products:${lang}`, () => searchProducts(defaultDb, '', lang));
}

/** Keeps every product live in `lang` until the returned function is called. */
export function keepProductsLive(lang: Language = 'zh-CN'): () => void {
  const watching = allProductsLive(lang).subscribe();
  return () => watching.unsubscribe();
}

export function useProducts(search: string, lang: Language = 'zh-CN'): ProductWithStock[] | undefined {
  return useObservable<ProductWithStock[]>(
    () => (search === '' ? allProductsLive(lang) : liveQuery(() => searchProducts(defaultDb, search, lang))),
    [search, lang],
  );
}

export async function getProductWithStock(database: CunzhanDb, id: string): Promise<ProductWithStock | null> {
  const product = await database.products.get(id);
  if (!product) return null;
  const [withLevel] = await withLevels(database, [product]);
  return withLevel ?? null;
}

/** undefined while loading, null when there is no such product. */
export function useProduct(id: string): ProductWithStock | null | undefined {
  return useLiveQuery(() => getProductWithStock(defaultDb, id), [id]);
}
