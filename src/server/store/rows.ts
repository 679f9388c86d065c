import type { RowChange } from '../../shared/mutations/types';
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
