import { useLiveQuery } from 'dexie-react-hooks';
import type { Language } from '../../../shared/domain/entities';
import { MERGE_CHAIN_MAX, resolveCustomer } from '../../../shared/domain/resolve-customer';
import type { Customer } from '../../../shared/domain/villagers';
import { db as defaultDb, type CunzhanDb } from '../db';
import { SEARCH_LIMIT, searchCustomerIds } from '../villager-search';

/**
 * The villager a stored id stands for now, by the shared rule
 * (resolveCustomer): a merged one's survivor, the row itself otherwise;
 * undefined when it, or a step of its chain, is unknown here. The chain is
 * read first, as the rule's lookup is synchronous.
 */
export async function resolveCustomerRow(database: CunzhanDb, id: string): Promise<Customer | undefined> {
  const chain = new Map<string, Customer>();
  let next: string | null = id;
  for (let step = 0; next !== null && !chain.has(next) && step <= MERGE_CHAIN_MAX; step++) {
    const row: Customer | undefined = await database.customers.get(next);
    if (!row) break;
    chain.set(row.id, row);
    next = row.mergedInto;
  }
  return resolveCustomer(id, (key) => chain.get(key));
}

/**
 * `resolveCustomerRow` for many ids at once: one bulk read per step of the
 * merge chains (usually one step), not one read per id, so a list of
 * hundreds of parcels or search hits stays one or two IndexedDB requests.
 */
export async function resolveCustomerRows(database: CunzhanDb, ids: readonly string[]): Promise<Map<string, Customer | undefined>> {
  const rows = new Map<string, Customer>();
  let wanted = [...new Set(ids)];
  for (let step = 0; wanted.length > 0 && step <= MERGE_CHAIN_MAX; step++) {
    const found = await database.customers.bulkGet(wanted);
    const next = new Set<string>();
    for (const row of found) {
      if (!row) continue;
      rows.set(row.id, row);
      if (row.mergedInto !== null && !rows.has(row.mergedInto)) next.add(row.mergedInto);
    }
    wanted = [...next];
  }
  const resolved = new Map<string, Customer | undefined>();
  for (const id of ids) resolved.set(id, resolveCustomer(id, (key) => rows.get(key)));
  return resolved;
}

/** The survivor's id and every id merged into it (and into those): what its orders and parcels may carry. */
export async function idsOfVillager(database: CunzhanDb, survivorId: string): Promise<string[]> {
  const ids = [survivorId];
  let frontier = [survivorId];
  for (let step = 0; frontier.length > 0 && step < MERGE_CHAIN_MAX; step++) {
    // One id (the usual case) is an `equals` range, read in one request; `anyOf` walks a cursor.
    const merged = await (frontier.length === 1
      ? database.customers.where('mergedInto').equals(frontier[0]!)
      : database.customers.where('mergedInto').anyOf(frontier)
    ).primaryKeys();
    frontier = merged.filter((id) => !ids.includes(id));
    ids.push(...frontier);
  }
  return ids;
}

function sortByName(customers: Customer[], lang: Language): Customer[] {
  const collator = new Intl.Collator(lang);
  return customers.sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/** The villagers found by ids, each as its survivor, once; deleted ones left out. */
async function survivorsOf(database: CunzhanDb, ids: readonly string[]): Promise<Customer[]> {
  const found = new Map<string, Customer>();
  for (const row of (await resolveCustomerRows(database, ids)).values()) {
    if (row && !row.deleted && !row.mergedInto) found.set(row.id, row);
  }
  return [...found.values()];
}

/**
 * Villagers whose name, pinyin, phone or village starts with the query,
 * through the search index only. An empty query lists the most recently
 * changed villagers (an index range, not a scan).
 */
export async function searchVillagers(database: CunzhanDb, query: string, lang: Language = 'zh-CN'): Promise<Customer[]> {
  if (query.trim() === '') {
    const recent = await database.customers
      .orderBy('updatedAt')
      .reverse()
      .filter((c) => !c.deleted && !c.mergedInto)
      .limit(SEARCH_LIMIT)
      .toArray();
    return recent;
  }
  const ids = await searchCustomerIds(database, query);
  return sortByName(await survivorsOf(database, ids), lang).slice(0, SEARCH_LIMIT);
}

export function useVillagerSearch(query: string, lang: Language = 'zh-CN'): Customer[] | undefined {
  return useLiveQuery(() => searchVillagers(defaultDb, query, lang), [query, lang]);
}

/** A villager as their survivor now; `asked` is the id as given (a merged one's page shows the survivor). */
export interface ResolvedVillager {
  customer: Customer;
  asked: string;
}

/** undefined while loading, null when unknown here. */
export function useVillager(id: string): ResolvedVillager | null | undefined {
  return useLiveQuery(async () => {
    const customer = await resolveCustomerRow(defaultDb, id);
    return customer ? { customer, asked: id } : null;
  }, [id]);
}
