import type { Role, Staff } from '../../../shared/domain/entities';
import { uuidv7 } from '../../../shared/domain/ids';
import { runCommand, type CommandContext } from './run-command';
import { authorKeys, checkNewPin, newStaffKey } from './staff-key';

export interface NewStaffInput {
  name: string;
  role: Role;
  pin: string;
}

/**
 * Adds a person on this tablet, offline. The PIN never leaves the tablet:
 * only the secret wrapped under it (for every tablet of the centre) and the
 * same secret sealed under the admin's key (for the server) are queued.
 */
export async function createStaff(input: NewStaffInput, context?: CommandContext): Promise<Staff> {
  checkNewPin(input.role, input.pin);
  const staffId = uuidv7();
  const { key, sealedKey } = await newStaffKey(staffId, input.pin, authorKeys(context));
  const args = { staffId, name: input.name, role: input.role, key, sealedKey };
  const changes = await runCommand('staff.create', () => args, context);
  return changes.find((c) => c.table === 'staff')!.row as Staff;
}
