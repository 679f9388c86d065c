import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { customerIdForRef } from '../customers/fields';
import { orderOfCentre } from '../orders/fields';
import { arrivedOrder, notWaiting, parcelOfCentre } from './fields';

const schema = v.strictObject({ parcelId: uuid, customerId: uuid, orderId: v.nullable(uuid) });
export type ParcelMatchArgs = v.InferOutput<typeof schema>;

/** A waiting parcel gets its villager (and order, which then arrived if it was shipped). */
export const parcelMatch: MutationDef<ParcelMatchArgs> = {
  kind: 'parcel.match',
  schema,
  reads: (args) => [
    { table: 'parcels', id: args.parcelId },
    { table: 'customers', id: args.customerId },
    ...(args.orderId ? [{ table: 'orders' as const, id: args.orderId }] : []),
  ],
  decide(args, state, ctx) {
    const parcel = parcelOfCentre(state, args.parcelId, ctx);
    if (!parcel) return refuse(RefusalCode.unknownParcel);
    if (parcel.status !== 'waiting') return notWaiting(parcel);
    const customerId = customerIdForRef(state, args.customerId, ctx);
    if (!customerId) return refuse(RefusalCode.unknownCustomer);
    const order = args.orderId ? orderOfCentre(state, args.orderId, ctx) : undefined;
    if (args.orderId && !order) return refuse(RefusalCode.unknownOrder);
    const row = { ...parcel, customerId, orderId: args.orderId, updatedAt: ctx.now };
    return { ok: true, changes: [{ table: 'parcels', row }, ...arrivedOrder(order, ctx)] };
  },
};
