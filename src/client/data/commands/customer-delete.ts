import { runCommand, type CommandContext } from './run-command';

/** Deletes a villager (admins only): the name stays for old orders, personal fields are cleared. */
export async function deleteCustomer(customerId: string, context?: CommandContext): Promise<void> {
  await runCommand('customer.delete', () => ({ customerId }), context);
}
