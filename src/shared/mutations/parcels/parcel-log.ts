import * as v from 'valibot';
import { parcelIdFor, pickupCodeId } from '../../domain/deterministic-id';
import type { Parcel, PickupCode } from '../../domain/parcels';
import { pickupCandidates } from '../../domain/pickup-code';
import { RefusalCode } from '../../domain/refusals';
import { shortText, uuid } from '../fields';
import { refuse, type MutationDef, type RowChange } from '../types';
import { customerIdForRef } from '../customers/fields';
import { orderOfCentre } from '../orders/fields';
import { arrivedOrder, pickupCode, trackingNo } from './fields';

const schema = v.strictObject({
  parcelId: uuid,
  trackingNo,
  carrier: shortText(40),
  customerId: v.nullable(uuid),
  orderId: v.nullable(uuid),
  pickupCode,
});
export type ParcelLogArgs = v.InferOutput<typeof schema>;

/**
 * A parcel arrived. Its id comes from its tracking number, so the same
 * parcel logged on two tablets is one parcel: the second is refused
 * `duplicate_tracking` with the first's id. Its pickup code is the first of
 * pickupCandidates not claimed by a waiting parcel; the tablet shows the one
 * it claimed, and the server's after the next pull.
 */
export const parcelLog: MutationDef<ParcelLogArgs> = {
  kind: 'parcel.log',
  schema,
  reads: (args) => [
    { table: 'parcels', id: args.parcelId },
    ...(args.customerId ? [{ table: 'customers' as const, id: args.customerId }] : []),
    ...(args.orderId ? [{ table: 'orders' as const, id: args.orderId }] : []),
    ...pickupCandidates(args.parcelId, args.pickupCode).map((code) => ({ table: 'pickupCodes' as const, id: pickupCodeId(code) })),
  ],
  decide(args, state, ctx) {
    if (args.parcelId !== parcelIdFor(args.trackingNo)) return refuse(RefusalCode.invalidArgs, 'parcelId: not the id of this tracking number');
    if (state.get('parcels', args.parcelId)) return refuse(RefusalCode.duplicateTracking, args.parcelId);
    const order = args.orderId ? orderOfCentre(state, args.orderId, ctx) : undefined;
    if (args.orderId && !order) return refuse(RefusalCode.unknownOrder);
    let customerId: string | null = null;
    if (args.customerId) {
      const id = customerIdForRef(state, args.customerId, ctx);
      if (!id) return refuse(RefusalCode.unknownCustomer);
      customerId = id;
    } else if (order) {
      customerId = order.customerId;
    }
    const code = pickupCandidates(args.parcelId, args.pickupCode).find((c) => !state.get('pickupCodes', pickupCodeId(c))?.active);
    // Nine codes all held by waiting parcels: a centre would need hundreds of thousands waiting.
    if (code === undefined) return refuse(RefusalCode.alreadyExists, 'pickupCode');
    const base = { centreId: ctx.centreId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.staffId };
    const parcel: Parcel = {
      ...base,
      id: args.parcelId,
      trackingNo: args.trackingNo,
      carrier: args.carrier,
      customerId,
      orderId: args.orderId,
      pickupCode: code,
      status: 'waiting',
      arrivedAt: ctx.now,
      collectedAt: null,
      collectedBy: null,
      handoverMethod: null,
      returnedAt: null,
      deviceId: ctx.deviceId,
    };
    const claim: PickupCode = { ...base, id: pickupCodeId(code), code, parcelId: parcel.id, active: true };
    const changes: RowChange[] = [
      { table: 'parcels', row: parcel },
      { table: 'pickupCodes', row: claim },
      ...arrivedOrder(order, ctx),
    ];
    return { ok: true, changes };
  },
};
