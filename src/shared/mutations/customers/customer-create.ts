import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import type { Customer } from '../../domain/villagers';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { CONSENT_MESSAGE, customerFields, noPersonalData } from './fields';

const schema = v.pipe(
  v.strictObject({ customerId: uuid, ...customerFields }),
  v.check((args) => args.consent || noPersonalData(args), CONSENT_MESSAGE),
);
export type CustomerCreateArgs = v.InferOutput<typeof schema>;

export const customerCreate: MutationDef<CustomerCreateArgs> = {
  kind: 'customer.create',
  schema,
  reads: (args) => [{ table: 'customers', id: args.customerId }],
  decide(args, state, ctx) {
    if (state.get('customers', args.customerId)) return refuse(RefusalCode.alreadyExists);
    const { customerId, ...fields } = args;
    const customer: Customer = {
      id: customerId,
      centreId: ctx.centreId,
      ...fields,
      mergedInto: null,
      deleted: false,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.staffId,
    };
    return { ok: true, changes: [{ table: 'customers', row: customer }] };
  },
};
