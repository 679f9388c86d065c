import * as v from 'valibot';
import { normalisePhone } from '../../domain/phone';
import { RefusalCode } from '../../domain/refusals';
import { storableText, uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { customerOfCentre } from '../customers/fields';
import { endWait, notWaiting, parcelLinks, parcelOfCentre } from './fields';

const schema = v.strictObject({
  parcelId: uuid,
  method: v.picklist(['code', 'phone_admin']),
  /** The pickup code, or with 'phone_admin' the villager's phone. */
  code: v.pipe(storableText, v.maxLength(40)),
});
export type ParcelHandoverArgs = v.InferOutput<typeof schema>;

/**
 * The villager takes their parcel, against its pickup code, or (an admin
 * only, permissions.ts) against the phone on their record. Two tablets
 * handing one parcel over offline: the first applied wins, the second is
 * refused `already_collected`.
 */
export const parcelHandover: MutationDef<ParcelHandoverArgs> = {
  kind: 'parcel.handover',
  schema,
  reads: (args) => [{ table: 'parcels', id: args.parcelId }],
  readsAfter(args, state) {
    const customerId = state.get('parcels', args.parcelId)?.customerId;
    return [...parcelLinks(state, args.parcelId), ...(customerId ? [{ table: 'customers' as const, id: customerId }] : [])];
  },
  decide(args, state, ctx) {
    const parcel = parcelOfCentre(state, args.parcelId, ctx);
    if (!parcel) return refuse(RefusalCode.unknownParcel);
    if (parcel.status !== 'waiting') return notWaiting(parcel);
    if (args.method === 'code') {
      if (args.code !== parcel.pickupCode) return refuse(RefusalCode.wrongPickupCode);
    } else {
      const phone = parcel.customerId ? customerOfCentre(state, parcel.customerId, ctx)?.phone : undefined;
      if (!phone || normalisePhone(args.code) !== phone) return refuse(RefusalCode.wrongPickupCode);
    }
    const next = { ...parcel, status: 'collected' as const, collectedAt: ctx.now, collectedBy: ctx.staffId, handoverMethod: args.method, updatedAt: ctx.now };
    return { ok: true, changes: endWait(state, parcel, next, 'collected', ctx) };
  },
};
