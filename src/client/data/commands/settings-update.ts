import type { SettingValues } from '../../../shared/domain/centre-settings';
import { runCommand, type CommandContext } from './run-command';

/** An admin changes some of the centre's settings; every tablet of the centre gets them by sync. */
export async function updateCentreSettings(patch: Partial<SettingValues> & { centrePhone?: string }, context?: CommandContext): Promise<void> {
  await runCommand('settings.update', () => ({ patch }), context);
}
