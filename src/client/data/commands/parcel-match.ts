import { runCommand, type CommandContext } from './run-command';

/** Names the villager (and optionally the order) of a waiting parcel; the order moves to arrived when it may. */
export async function matchParcel(parcelId: string, customerId: string, orderId: string | null, context?: CommandContext): Promise<void> {
  await runCommand('parcel.match', () => ({ parcelId, customerId, orderId }), context);
}
