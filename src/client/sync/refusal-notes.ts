import type { AnyRow, LocalizedName, Product, Sale, StockMovement } from '../../shared/domain/entities';
import type { Customer } from '../../shared/domain/villagers';
import type { OutboxEntry, RefusalSummary, RollbackNote } from '../data/db';
import { parseRowKey } from '../data/db';

/**
 * Describes a refused mutation for staff: what it was and what the rollback
 * undid, as i18n keys with parameters (`rollback.*`), never as prose.
 * `rows` maps each touched key to the optimistic row it replaced.
 */
export function describeRefusal(
  entry: OutboxEntry,
  rows: ReadonlyMap<string, AnyRow | undefined>,
  productNames: ReadonlyMap<string, LocalizedName>,
): { summary: RefusalSummary; rolledBack: RollbackNote[] } {
  const summary: RefusalSummary = {};
  const rolledBack: RollbackNote[] = [];
  for (const key of entry.touched) {
    const { table } = parseRowKey(key);
    const before = entry.before.find((b) => b.key === key)?.row ?? null;
    const row = rows.get(key) ?? before;
    if (!row) continue;
    if (table === 'sales') {
      const sale = row as Sale;
      summary.receiptNo = sale.receiptNo;
      summary.totalFen = sale.totalFen;
      summary.productNames = sale.lines.map((l) => l.names);
      rolledBack.push({ key: 'rollback.saleRemoved', params: { receiptNo: sale.receiptNo, totalFen: sale.totalFen } });
    } else if (table === 'movements') {
      const movement = row as StockMovement;
      summary.qty = movement.delta;
      const name = productNames.get(movement.productId);
      if (name) summary.productNames = [name];
      rolledBack.push({ key: 'rollback.movementRemoved', params: { delta: movement.delta, reason: movement.reason } });
    } else if (table === 'customers') {
      const customer = row as Customer;
      rolledBack.push(
        before
          ? { key: 'rollback.villagerRestored', params: { name: customer.name } }
          : { key: 'rollback.villagerRemoved', params: { name: customer.name } },
      );
    } else if (table === 'products') {
      const product = row as Product;
      summary.productNames = [product.names];
      rolledBack.push(
        before
          ? { key: 'rollback.productRestored', params: { sku: product.sku } }
          : { key: 'rollback.productRemoved', params: { sku: product.sku } },
      );
    }
  }
  return { summary, rolledBack };
}
