import { uuidv7 } from '../../../shared/domain/ids';
import { normalisePhone } from '../../../shared/domain/phone';
import { NO_PERSONAL_DATA, PERSONAL_FIELDS, type Customer } from '../../../shared/domain/villagers';
import { runCommand, type CommandContext } from './run-command';

/** What staff enter for a villager: customer.create's args but the id. */
export type VillagerInput = Pick<Customer, 'name' | 'consent' | (typeof PERSONAL_FIELDS)[number]>;

/**
 * The fields as stored: text trimmed, the phone normalised, and without
 * consent nothing but the name (the schema refuses anything else).
 */
export function villagerFields(input: VillagerInput): VillagerInput {
  const name = input.name.trim();
  if (!input.consent) return { name, consent: false, ...NO_PERSONAL_DATA };
  return {
    name,
    consent: true,
    phone: normalisePhone(input.phone.trim()),
    village: input.village.trim(),
    household: input.household.trim(),
    householdSize: input.householdSize,
    notes: input.notes.trim(),
  };
}

/** Adds a villager on this tablet, offline. The duplicate warning is the screen's, before this. */
export async function createCustomer(input: VillagerInput, context?: CommandContext): Promise<Customer> {
  const customerId = uuidv7();
  const args = { customerId, ...villagerFields(input) };
  const changes = await runCommand('customer.create', () => args, context);
  return changes.find((c) => c.table === 'customers')!.row as Customer;
}
