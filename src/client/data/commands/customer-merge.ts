import { runCommand, type CommandContext } from './run-command';

/**
 * Merges a duplicate into the villager who stays (admins only): the merged
 * row points to the survivor, and every order and parcel of the merged one
 * shows under the survivor on every tablet (resolveCustomer).
 */
export async function mergeCustomers(survivorId: string, mergedId: string, context?: CommandContext): Promise<void> {
  await runCommand('customer.merge', () => ({ survivorId, mergedId }), context);
}
