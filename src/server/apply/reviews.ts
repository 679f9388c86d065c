import type { Review } from '../../shared/domain/entities';
import { uuidv7 } from '../../shared/domain/ids';
import type { MutationKind } from '../../shared/mutations/kinds';
import type { ReadState, RowChange } from '../../shared/mutations/types';

/**
 * A sale made by someone deactivated since (the tablet sold offline before
 * it heard) is applied, since a villager paid for it, and flagged for the
 * admin with a review row written in the same transaction. Tablets of the
 * centre pull it.
 */
export function reviewsOf(
  kind: MutationKind,
  changes: readonly RowChange[],
  state: ReadState,
  who: { centreId: string; staffId: string; deviceId: string; at: string },
): RowChange[] {
  if (kind !== 'sale.create') return [];
  const staff = state.get('staff', who.staffId);
  if (!staff || staff.active) return [];
  const sale = changes.find((c) => c.table === 'sales');
  if (!sale) return [];
  const review: Review = {
    id: uuidv7(),
    centreId: who.centreId,
    kind: 'sale_by_inactive_staff',
    refTable: 'sales',
    refId: sale.row.id,
    staffId: who.staffId,
    deviceId: who.deviceId,
    createdAt: who.at,
    updatedAt: who.at,
    createdBy: who.staffId,
  };
  return [{ table: 'reviews', row: review }];
}
