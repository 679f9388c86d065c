import type { Customer } from './villagers';

/** Merges chain (a merged into b, b later into c); more steps than this mean a loop in corrupt data. */
export const MERGE_CHAIN_MAX = 10;

/**
 * The villager an id stands for now: `mergedInto` followed up to
 * MERGE_CHAIN_MAX steps. Orders and parcels keep the id they were made with,
 * and every reader shows them under the survivor. Undefined when the id (or
 * a step of its chain) is not known here.
 */
export function resolveCustomer<C extends Pick<Customer, 'id' | 'mergedInto'>>(
  id: string,
  lookup: (id: string) => C | undefined,
): C | undefined {
  let customer = lookup(id);
  for (let step = 0; customer?.mergedInto && step < MERGE_CHAIN_MAX; step++) customer = lookup(customer.mergedInto);
  return customer;
}

/** The survivor's id, or `id` itself when it is not known here. */
export function resolveCustomerId(id: string, lookup: (id: string) => Pick<Customer, 'id' | 'mergedInto'> | undefined): string {
  return resolveCustomer(id, lookup)?.id ?? id;
}
