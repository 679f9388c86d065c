import type { AnyRow, Product, TableName } from '../../shared/domain/entities';
import type { Customer } from '../../shared/domain/villagers';
import type { CunzhanDb } from './db';
import { loadPinyin } from './pinyin';
import { writeProductSearchKeys } from './product-search';
import { writeSearchKeys } from './villager-search';

/**
 * The local search keys of synced rows: villagers' (villager-search.ts) and
 * products' (product-search.ts), written with their rows wherever those are
 * written (a command, a pull page, a push's answer), in the same transaction.
 */

/** Tables whose rows have search keys. */
const KEYED_TABLES: readonly TableName[] = ['customers', 'products'];

/**
 * Loads pinyin-pro, which builds keys, when rows of any of these tables are
 * about to be written: before the transaction opens, as IndexedDB commits
 * one that awaits anything else.
 */
export async function loadSearchKeysFor(tables: Iterable<TableName>): Promise<void> {
  for (const table of tables) {
    if (KEYED_TABLES.includes(table)) {
      await loadPinyin();
      return;
    }
  }
}

/**
 * Writes the keys of rows of `table` just written, and drops those of ids
 * whose rows are gone (a refused creation rolled back), in the caller's
 * transaction. Rows of a table without keys are passed over.
 */
export async function writeSearchKeysOf(
  database: CunzhanDb,
  table: TableName,
  rows: readonly AnyRow[],
  removed: readonly string[] = [],
): Promise<void> {
  if (table === 'customers') await writeSearchKeys(database, rows as readonly Customer[], removed);
  else if (table === 'products') await writeProductSearchKeys(database, rows as readonly Product[], removed);
}
