import { runCommand, type CommandContext } from './run-command';

/** Sends an uncollected parcel back to the county: its pickup code is freed. */
export async function returnParcel(parcelId: string, context?: CommandContext): Promise<void> {
  await runCommand('parcel.return', () => ({ parcelId }), context);
}
