import { LANGUAGES, type Product } from '../../shared/domain/entities';
import type { CunzhanDb, ProductSearchRow } from './db';
import { keyBuilders, normaliseSearch, pinyinKeys, textKeys, type PinyinFn } from './pinyin';

/**
 * Search keys of products, kept in the local `productSearch` table whose
 * multi-entry `keys` index answers `startsWith(query)`, as villagers' do
 * (villager-search.ts): each name in every language, its words and (for
 * Chinese) every ending, its pinyin from each syllable on and its initials
 * (矿泉水: kuangquanshui, quanshui, shui, kqs), the SKU and the barcode.
 *
 * pinyin-pro is imported only when keys are built, never with the first
 * screen; writers load it before their transaction opens (search-keys.ts)
 * and build keys synchronously inside it.
 */

/** Builds a product's keys; without pinyin (not loaded) it still keys names, SKU and barcode. */
export interface ProductKeyBuilder {
  keysOf(product: Product): string[];
}

const builders = keyBuilders(productKeyBuilder);

/** Loads pinyin-pro once (pinyin.ts); later calls return the same builder. */
export const loadProductSearchKeys: () => Promise<ProductKeyBuilder> = builders.load;

/** The builder if pinyin-pro has loaded, else one without pinyin (the row is keyed again when next written). */
export const productSearchKeysNow: () => ProductKeyBuilder = builders.now;

function productKeyBuilder(pinyin: PinyinFn | null): ProductKeyBuilder {
  return {
    keysOf(product) {
      const keys: string[] = [];
      for (const lang of LANGUAGES) {
        const name = product.names[lang];
        if (!name?.trim()) continue;
        keys.push(...textKeys(name), ...pinyinKeys(pinyin, name));
      }
      keys.push(normaliseSearch(product.sku));
      const barcode = normaliseSearch(product.barcode);
      // The last digits too: a smudged barcode is read off its end.
      if (barcode) keys.push(barcode, barcode.slice(-4));
      return [...new Set(keys.filter((k) => k !== ''))];
    },
  };
}

/** Writes the keys of product rows just written, in the caller's transaction (which must include `productSearch`). */
export async function writeProductSearchKeys(
  database: CunzhanDb,
  products: readonly Product[],
  removed: readonly string[] = [],
  builder: ProductKeyBuilder = productSearchKeysNow(),
): Promise<void> {
  if (products.length > 0) {
    const rows: ProductSearchRow[] = products.map((p) => ({ id: p.id, keys: builder.keysOf(p) }));
    await database.productSearch.bulkPut(rows);
  }
  if (removed.length > 0) await database.productSearch.bulkDelete([...removed]);
}

/**
 * Ids of products with a key starting with the query (normalised), from the
 * index alone. The query is text as typed, not read as a phone number as a
 * villager's is: a 13-digit barcode starting 86 keeps its 86.
 */
export async function searchProductIds(database: CunzhanDb, query: string): Promise<Set<string>> {
  const q = normaliseSearch(query);
  if (q === '') return new Set();
  return new Set(await database.productSearch.where('keys').startsWith(q).primaryKeys());
}
