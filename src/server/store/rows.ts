import type { TableName } from '../../shared/domain/entities';
import type { RowChange, RowKey } from '../../shared/mutations/types';
import { rowKey } from './store';

/**
 * Keeps only the last write of each row, in the order of those last writes.
 * The feed is compacted anyway, and one statement may not touch a row twice.
 */
export function lastWriteOfEachRow(changes: readonly RowChange[]): RowChange[] {
  const last = new Map<string, number>();
  changes.forEach((change, index) => last.set(rowKey(change.table, change.row.id), index));
  return changes.filter((change, index) => last.get(rowKey(change.table, change.row.id)) === index);
}

/** Row ids grouped by table, so a batch of keys is loaded with one query per table. */
export function idsByTable(keys: readonly RowKey[]): Map<TableName, string[]> {
  const byTable = new Map<TableName, string[]>();
  for (const { table, id } of keys) {
    const ids = byTable.get(table);
    if (ids) ids.push(id);
    else byTable.set(table, [id]);
  }
  return byTable;
}
