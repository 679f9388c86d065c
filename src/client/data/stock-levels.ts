import type { AnyRow, TableName } from '../../shared/domain/entities';
import { addQuantities } from '../../shared/domain/quantity';
import { applyEffects, stockEffects } from '../../shared/domain/stock';
import type { CunzhanDb } from './db';

/**
 * Adds the stock effects of rows that have just appeared (insert-only
 * movements and sales) to the cached levels, or takes them away again
 * (`sign = -1`) when a refused row is removed. Call inside a transaction
 * that includes `stockLevels` and the rows themselves. Weighed quantities
 * sum in thousandths, so a level never drifts to 2.9999999.
 */
export async function addStockEffects(
  database: CunzhanDb,
  rows: readonly { table: TableName; row: AnyRow }[],
  sign: 1 | -1 = 1,
): Promise<void> {
  const deltas = new Map<string, number>();
  for (const { table, row } of rows) {
    const effects = stockEffects(table, row);
    applyEffects(deltas, sign === 1 ? effects : effects.map((e) => ({ productId: e.productId, delta: -e.delta })));
  }
  if (deltas.size === 0) return;
  const ids = [...deltas.keys()];
  const current = await database.stockLevels.bulkGet(ids);
  await database.stockLevels.bulkPut(
    ids.map((productId, i) => ({ productId, level: addQuantities(current[i]?.level ?? 0, deltas.get(productId) ?? 0) })),
  );
}
