import { withKey } from '../../shared/mutations/staff/fields';
import type { Staff } from '../../shared/domain/entities';
import { rowKey, type Store } from '../store/store';
import { newStaffKey, pinProblem } from './operations';

/**
 * Sets a staff member's PIN from the server (county admin area): a new
 * secret wrapped under it replaces the row's key. The old secrets stay, so
 * changes signed before still verify. Throws when there is no such staff
 * member in the centre or the PIN does not fit the role.
 */
export async function resetStaffPin(store: Store, staff: Pick<Staff, 'id' | 'centreId'>, pin: string, now = new Date().toISOString()): Promise<Staff> {
  const { material, key } = await newStaffKey(staff.id, pin, now);
  return store.inCentreTx(staff.centreId, async (tx) => {
    const row = (await tx.loadRows([{ table: 'staff', id: staff.id }])).get(rowKey('staff', staff.id)) as Staff | undefined;
    if (!row) throw new Error(`no staff member ${staff.id} in centre ${staff.centreId}`);
    const problem = pinProblem(row.role, pin);
    if (problem) throw new Error(problem);
    const updated = withKey(row, material, now);
    await tx.addStaffKeys([key]);
    await tx.writeRows([{ table: 'staff', row: updated }]);
    return updated;
  });
}
