import { runCommand, type CommandContext } from './run-command';

/**
 * Stops someone signing in, on each tablet once the change reaches it. Sales
 * they made offline before that are kept by the server and flagged for the
 * admin. Refused (`last_admin`) for oneself and for the last active admin.
 */
export async function deactivateStaff(staffId: string, context?: CommandContext): Promise<void> {
  await runCommand('staff.deactivate', () => ({ staffId }), context);
}
