import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { endWait, notWaiting, parcelLinks, parcelOfCentre } from './fields';

const schema = v.strictObject({ parcelId: uuid });
export type ParcelReturnArgs = v.InferOutput<typeof schema>;

/** A parcel nobody collected goes back to the county: its code is released, its order returned. */
export const parcelReturn: MutationDef<ParcelReturnArgs> = {
  kind: 'parcel.return',
  schema,
  reads: (args) => [{ table: 'parcels', id: args.parcelId }],
  readsAfter: (args, state) => parcelLinks(state, args.parcelId),
  decide(args, state, ctx) {
    const parcel = parcelOfCentre(state, args.parcelId, ctx);
    if (!parcel) return refuse(RefusalCode.unknownParcel);
    if (parcel.status !== 'waiting') return notWaiting(parcel);
    const next = { ...parcel, status: 'returned' as const, returnedAt: ctx.now, updatedAt: ctx.now };
    return { ok: true, changes: endWait(state, parcel, next, 'returned', ctx) };
  },
};
