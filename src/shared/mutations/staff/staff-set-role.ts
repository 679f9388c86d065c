import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { role, staffOfCentre, wouldLeaveNoAdmin } from './fields';

const schema = v.strictObject({ staffId: uuid, role });
export type StaffSetRoleArgs = v.InferOutput<typeof schema>;

export const staffSetRole: MutationDef<StaffSetRoleArgs> = {
  kind: 'staff.setRole',
  schema,
  reads: (args) => [{ table: 'staff', id: args.staffId }],
  readsAll: ['staff'],
  decide(args, state, ctx) {
    const staff = staffOfCentre(state, args.staffId, ctx);
    if (!staff) return refuse(RefusalCode.unknownStaff);
    if (staff.role === args.role) return { ok: true, changes: [] };
    if (staff.role === 'admin' && staff.active && wouldLeaveNoAdmin(state, staff.id, ctx) === true) return refuse(RefusalCode.lastAdmin);
    return { ok: true, changes: [{ table: 'staff', row: { ...staff, role: args.role, updatedAt: ctx.now } }] };
  },
};
