import type { CreditEntry } from './counter';
import type { Fen } from './money';

/**
 * A villager's balance: what the entries (already resolved to them) add up to.
 * A file of its own: the sell screen shows balances, and the rest of the
 * counter's rows (their ids hashed) need not come with its first draw.
 */
export function creditBalance(entries: readonly Pick<CreditEntry, 'deltaFen'>[]): Fen {
  return entries.reduce((sum, e) => sum + e.deltaFen, 0);
}
