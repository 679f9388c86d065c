import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { NO_PERSONAL_DATA } from '../../domain/villagers';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { liveCustomer } from './fields';

const schema = v.strictObject({ customerId: uuid });
export type CustomerDeleteArgs = v.InferOutput<typeof schema>;

/** The name stays, so past orders and parcels still read; everything personal goes. */
export const customerDelete: MutationDef<CustomerDeleteArgs> = {
  kind: 'customer.delete',
  schema,
  reads: (args) => [{ table: 'customers', id: args.customerId }],
  decide(args, state, ctx) {
    const customer = liveCustomer(state, args.customerId, ctx);
    if (!customer) return refuse(RefusalCode.unknownCustomer);
    const row = { ...customer, ...NO_PERSONAL_DATA, consent: false, deleted: true, updatedAt: ctx.now };
    return { ok: true, changes: [{ table: 'customers', row }] };
  },
};
