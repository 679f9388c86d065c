import type { Role } from '../../../shared/domain/entities';
import { runCommand, type CommandContext } from './run-command';

/**
 * Changes what someone may do. The PIN stays as it is, even where the new
 * role asks for a longer one: the longer rule applies at the next new PIN.
 */
export async function setStaffRole(staffId: string, role: Role, context?: CommandContext): Promise<void> {
  await runCommand('staff.setRole', () => ({ staffId, role }), context);
}
