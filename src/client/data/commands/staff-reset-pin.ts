import { AppError, AppErrorCode } from '../errors';
import { db as defaultDb } from '../db';
import { runCommand, type CommandContext } from './run-command';
import { authorKeys, checkNewPin, newStaffKey } from './staff-key';

/**
 * Sets a new PIN for someone who forgot theirs (or after a tablet was lost):
 * a new secret with a new key id, so the old PIN opens nothing once the
 * change reaches a tablet.
 */
export async function resetStaffPin(staffId: string, pin: string, context?: CommandContext): Promise<void> {
  const staff = await (context?.db ?? defaultDb).staff.get(staffId);
  if (!staff) throw new AppError(AppErrorCode.invalidInput, { detail: 'unknown_staff' });
  checkNewPin(staff.role, pin);
  const { key, sealedKey } = await newStaffKey(staffId, pin, authorKeys(context));
  await runCommand('staff.resetPin', () => ({ staffId, key, sealedKey }), context);
}
