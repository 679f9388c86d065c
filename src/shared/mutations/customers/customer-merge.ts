import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { liveCustomer } from './fields';

const schema = v.pipe(
  v.strictObject({ survivorId: uuid, mergedId: uuid }),
  v.check((args) => args.survivorId !== args.mergedId, 'a villager is not merged into themself'),
);
export type CustomerMergeArgs = v.InferOutput<typeof schema>;

/**
 * Two records of one villager become one: the merged row points to the
 * survivor, and orders and parcels keep their customerId; every reader
 * resolves it (resolveCustomer). Both must be live: a merged row is no
 * survivor, so chains only grow when a survivor is merged on later.
 */
export const customerMerge: MutationDef<CustomerMergeArgs> = {
  kind: 'customer.merge',
  schema,
  reads: (args) => [
    { table: 'customers', id: args.survivorId },
    { table: 'customers', id: args.mergedId },
  ],
  decide(args, state, ctx) {
    const survivor = liveCustomer(state, args.survivorId, ctx);
    if (!survivor) return refuse(RefusalCode.unknownCustomer, args.survivorId);
    const merged = liveCustomer(state, args.mergedId, ctx);
    if (!merged) return refuse(RefusalCode.unknownCustomer, args.mergedId);
    return { ok: true, changes: [{ table: 'customers', row: { ...merged, mergedInto: survivor.id, updatedAt: ctx.now } }] };
  },
};
