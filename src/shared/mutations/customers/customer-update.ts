import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { NO_PERSONAL_DATA, type Customer } from '../../domain/villagers';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { CONSENT_MESSAGE, customerFields, liveCustomer, noPersonalData } from './fields';

const schema = v.strictObject({
  customerId: uuid,
  patch: v.pipe(
    v.strictObject({
      name: v.optional(customerFields.name),
      consent: v.optional(customerFields.consent),
      phone: v.optional(customerFields.phone),
      village: v.optional(customerFields.village),
      household: v.optional(customerFields.household),
      householdSize: v.optional(customerFields.householdSize),
      notes: v.optional(customerFields.notes),
    }),
    v.check((patch) => patch.consent !== false || noPersonalData(patch), CONSENT_MESSAGE),
  ),
});
export type CustomerUpdateArgs = v.InferOutput<typeof schema>;

/**
 * Field-level last-writer-wins, like products. Withdrawing consent clears
 * the personal fields; filling them in for a villager without consent is
 * refused unless the same change gives consent.
 */
export const customerUpdate: MutationDef<CustomerUpdateArgs> = {
  kind: 'customer.update',
  schema,
  reads: (args) => [{ table: 'customers', id: args.customerId }],
  decide(args, state, ctx) {
    const current = liveCustomer(state, args.customerId, ctx);
    if (!current) return refuse(RefusalCode.unknownCustomer);
    const patch = Object.fromEntries(Object.entries(args.patch).filter(([, value]) => value !== undefined)) as Partial<Customer>;
    const next: Customer = { ...current, ...patch, updatedAt: ctx.now };
    if (!next.consent) {
      if (!noPersonalData(patch)) return refuse(RefusalCode.invalidArgs, `patch: ${CONSENT_MESSAGE}`);
      Object.assign(next, NO_PERSONAL_DATA);
    }
    return { ok: true, changes: [{ table: 'customers', row: next }] };
  },
};
