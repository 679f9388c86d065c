import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { staffOfCentre, wouldLeaveNoAdmin } from './fields';

const schema = v.strictObject({ staffId: uuid });
export type StaffDeactivateArgs = v.InferOutput<typeof schema>;

/**
 * Someone leaves the centre: they can no longer sign in, and their changes
 * made afterwards are refused, except sales (see README, "Staff and roles").
 */
export const staffDeactivate: MutationDef<StaffDeactivateArgs> = {
  kind: 'staff.deactivate',
  schema,
  reads: (args) => [{ table: 'staff', id: args.staffId }],
  readsAll: ['staff'],
  decide(args, state, ctx) {
    if (args.staffId === ctx.staffId) return refuse(RefusalCode.cannotDeactivateSelf);
    const staff = staffOfCentre(state, args.staffId, ctx);
    if (!staff) return refuse(RefusalCode.unknownStaff);
    // Already gone: the first deactivation's time stands.
    if (!staff.active) return { ok: true, changes: [] };
    if (staff.role === 'admin' && wouldLeaveNoAdmin(state, staff.id, ctx) === true) return refuse(RefusalCode.lastAdmin);
    return { ok: true, changes: [{ table: 'staff', row: { ...staff, active: false, deactivatedAt: ctx.now, updatedAt: ctx.now } }] };
  },
};
