import { CENTRE_SETTINGS_ID, settingsOf } from '../../shared/domain/centre-settings';
import type { TableName } from '../../shared/domain/entities';
import { historyHorizon } from '../../shared/domain/history-scope';
import type { PullScope, Store } from '../store/store';

/** Tables a tablet of each older protocol does not know: its pulls leave them out. */
const TABLES_SINCE: readonly { protocol: number; tables: readonly TableName[] }[] = [
  { protocol: 4, tables: ['settings', 'creditEntries', 'repayments', 'refunds', 'refundTotals', 'tills'] },
  { protocol: 5, tables: ['trainingSessions', 'attendances', 'quizAnswers', 'lessonVariants', 'variantPhotos'] },
];

/**
 * What a pull leaves out for this tablet: the centre's older closed history
 * (its admin's `historyMonths`) and the tables its protocol predates. A
 * tablet that names no protocol is older than protocol 4.
 */
export async function pullScopeFor(store: Store, centreId: string, protocol: number | undefined, nowMs: number): Promise<PullScope & { closedBefore: string }> {
  const settings = settingsOf(await store.readRow(centreId, 'settings', CENTRE_SETTINGS_ID));
  const known = protocol ?? 3;
  return {
    closedBefore: historyHorizon(nowMs, settings.historyMonths),
    hiddenTables: TABLES_SINCE.filter((t) => known < t.protocol).flatMap((t) => t.tables),
  };
}
