import { LANGUAGES, type Product } from '../../shared/domain/entities';
import type { CunzhanDb, ProductSearchRow } from './db';
import { normaliseSearch, searchQuery } from './villager-search';
import { loadPinyin, pinyinIfLoaded, type PinyinFn } from './pinyin';

/**
 * Search keys of products, kept in the local `productSearch` table whose
 * multi-entry `keys` index answers `startsWith(query)`, as villagers' do
 * (villager-search.ts): each name in every language, its words and (for
 * Chinese) every ending, its pinyin from each syllable on and its initials
 * (矿泉水: kuangquanshui, quanshui, shui, kqs), the SKU and the barcode.
 *
 * pinyin-pro is imported only when keys are built, never with the first
 * screen; writers load it before their transaction opens and build keys
 * synchronously inside it.
 */

/** Builds a product's keys; without pinyin (not loaded) it still keys names, SKU and barcode. */
export interface ProductKeyBuilder {
  keysOf(product: Product): string[];
}

let withPinyin: ProductKeyBuilder | null = null;

/** Loads pinyin-pro once (pinyin.ts); later calls return the same builder. */
export async function loadProductSearchKeys(): Promise<ProductKeyBuilder> {
  const pinyin = await loadPinyin();
  return (withPinyin ??= productKeyBuilder(pinyin));
}

/** The builder if pinyin-pro has loaded, else one without pinyin (the row is keyed again when next written). */
export function productSearchKeysNow(): ProductKeyBuilder {
  const pinyin = pinyinIfLoaded();
  return pinyin ? (withPinyin ??= productKeyBuilder(pinyin)) : productKeyBuilder(null);
}

const HAN = /\p{Script=Han}/u;

export function productKeyBuilder(pinyin: PinyinFn | null): ProductKeyBuilder {
  function pinyinKeys(text: string): string[] {
    if (!pinyin || !HAN.test(text)) return [];
    const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
      .map((s) => normaliseSearch(s))
      .filter((s) => /^[a-z]+$/.test(s));
    if (syllables.length === 0) return [];
    const keys = syllables.map((_, i) => syllables.slice(i).join(''));
    keys.push(syllables.map((s) => s[0]).join(''));
    return keys;
  }

  function textKeys(text: string): string[] {
    const keys = [normaliseSearch(text)];
    const words = text.trim().split(/\s+/);
    if (words.length > 1) keys.push(...words.map(normaliseSearch));
    if (HAN.test(text)) {
      const chars = [...normaliseSearch(text)];
      for (let i = 1; i < chars.length; i++) keys.push(chars.slice(i).join(''));
    }
    return keys;
  }

  return {
    keysOf(product) {
      const keys: string[] = [];
      for (const lang of LANGUAGES) {
        const name = product.names[lang];
        if (!name?.trim()) continue;
        keys.push(...textKeys(name), ...pinyinKeys(name));
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

/** Ids of products with a key starting with the query (normalised), from the index alone. */
export async function searchProductIds(database: CunzhanDb, query: string): Promise<Set<string>> {
  const q = searchQuery(query);
  if (q === '') return new Set();
  return new Set(await database.productSearch.where('keys').startsWith(q).primaryKeys());
}
