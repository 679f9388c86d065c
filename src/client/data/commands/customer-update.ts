import type { Customer } from '../../../shared/domain/villagers';
import { villagerFields, type VillagerInput } from './customer-create';
import { runCommand, type CommandContext } from './run-command';

export type VillagerPatch = Partial<VillagerInput>;

/** The fields of `after` that differ from the stored row: edits on two tablets merge field by field. */
export function changedVillagerFields(before: Customer, after: VillagerInput): VillagerPatch {
  const next = villagerFields(after);
  const patch: VillagerPatch = {};
  for (const key of Object.keys(next) as (keyof VillagerInput)[]) {
    if (next[key] !== before[key]) Object.assign(patch, { [key]: next[key] });
  }
  return patch;
}

/** Sends only what changed; nothing changed sends nothing. */
export async function updateCustomer(customer: Customer, input: VillagerInput, context?: CommandContext): Promise<Customer> {
  const patch = changedVillagerFields(customer, input);
  if (Object.keys(patch).length === 0) return customer;
  const changes = await runCommand('customer.update', () => ({ customerId: customer.id, patch }), context);
  return changes.find((c) => c.table === 'customers')!.row as Customer;
}
