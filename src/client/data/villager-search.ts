import type { Customer } from '../../shared/domain/villagers';
import type { CunzhanDb, CustomerSearchRow } from './db';
import { keyBuilders, normaliseSearch, pinyinKeys, textKeys, type PinyinFn } from './pinyin';

/**
 * Search keys of villagers, kept in the local `customerSearch` table whose
 * multi-entry `keys` index answers `startsWith(query)`: search reads the
 * index, never the customers table. Keys are normalised text (see
 * `normaliseSearch`): the name and its pinyin in full and as initials, the
 * phone and its last four digits, the village and its pinyin.
 *
 * pinyin-pro is large, so it is imported only when keys are built or a
 * search is typed, never with the first screen. IndexedDB commits a
 * transaction that awaits anything else, so writers load it first
 * (search-keys.ts) and then build keys synchronously inside theirs.
 */

/** Builds a row's keys; without pinyin (not loaded) it still keys name, phone and village. */
export interface KeyBuilder {
  keysOf(customer: Customer): string[];
}

const builders = keyBuilders(builderWith);

/** Loads pinyin-pro once (pinyin.ts); later calls return the same builder. */
export const loadSearchKeys: () => Promise<KeyBuilder> = builders.load;

/** The builder if pinyin-pro has loaded, else one without pinyin (the row is keyed again when next written). */
export const searchKeysNow: () => KeyBuilder = builders.now;

/**
 * What a typed query looks up: digits only when it is a phone number
 * (spaces, dashes and a +86 dropped), otherwise the normalised text.
 */
export function searchQuery(text: string): string {
  const trimmed = text.trim();
  if (/^\+?[\d\s-]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  }
  return normaliseSearch(trimmed);
}

function builderWith(pinyin: PinyinFn | null): KeyBuilder {
  /** Names and villages repeat across villagers (a village's hundreds, common names): each is keyed once. */
  const nameKeys = remembered((name) => [...textKeys(name), ...pinyinKeys(pinyin, name, true)]);
  const villageKeys = remembered((village) => (village.trim() ? [...textKeys(village), ...pinyinKeys(pinyin, village)] : []));

  return {
    keysOf(customer) {
      // A deleted villager is never found; a merged one still is, and search shows the survivor.
      if (customer.deleted) return [];
      const keys = [...nameKeys(customer.name)];
      const phone = customer.phone.replace(/\D/g, '');
      if (phone) keys.push(phone, phone.slice(-4));
      keys.push(...villageKeys(customer.village));
      return [...new Set(keys.filter((k) => k !== ''))];
    },
  };
}

/** Texts whose keys are kept: more than a centre's names and villages, bounded so a builder stays small. */
const REMEMBERED_TEXTS = 20_000;

/** `keysOf` for a text, computed once per text; the arrays returned are shared, so callers copy before changing. */
function remembered(keysOf: (text: string) => string[]): (text: string) => readonly string[] {
  const known = new Map<string, string[]>();
  return (text) => {
    let keys = known.get(text);
    if (!keys) {
      if (known.size >= REMEMBERED_TEXTS) known.clear();
      keys = keysOf(text);
      known.set(text, keys);
    }
    return keys;
  };
}

/**
 * Writes the keys of customer rows just written, in the caller's
 * transaction (which must include `customerSearch`); `removed` are ids whose
 * rows are gone (a refused creation rolled back).
 */
export async function writeSearchKeys(
  database: CunzhanDb,
  customers: readonly Customer[],
  removed: readonly string[] = [],
  builder: KeyBuilder = searchKeysNow(),
): Promise<void> {
  if (customers.length > 0) {
    const rows: CustomerSearchRow[] = customers.map((c) => ({ id: c.id, keys: builder.keysOf(c) }));
    await database.customerSearch.bulkPut(rows);
  }
  if (removed.length > 0) await database.customerSearch.bulkDelete([...removed]);
}

/** At most this many villagers answer one search: more means typing on. */
export const SEARCH_LIMIT = 50;

/** Ids of villagers with a key starting with the query (normalised), from the index alone. */
export async function searchCustomerIds(database: CunzhanDb, query: string, limit = SEARCH_LIMIT): Promise<string[]> {
  const q = searchQuery(query);
  if (q === '') return [];
  // One row matches on several of its keys: distinct ids, then the limit.
  const ids = await database.customerSearch.where('keys').startsWith(q).distinct().primaryKeys();
  return ids.slice(0, limit * 2);
}
