import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { attendanceIdFor, type Attendance } from '../../training/sessions';
import { customerIdForRef } from '../customers/fields';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { sessionOfCentre } from './fields';

const schema = v.strictObject({ sessionId: uuid, customerId: uuid, present: v.boolean() });
export type SessionAttendArgs = v.InferOutput<typeof schema>;

/**
 * Marks a villager of the centre as there (or, unticked, as not there) in a
 * running session. One row per session and villager: marking again updates it.
 */
export const trainingAttend: MutationDef<SessionAttendArgs> = {
  kind: 'training.attend',
  schema,
  reads: (args) => [
    { table: 'trainingSessions', id: args.sessionId },
    { table: 'customers', id: args.customerId },
    { table: 'attendances', id: attendanceIdFor(args.sessionId, args.customerId) },
  ],
  decide(args, state, ctx) {
    const session = sessionOfCentre(state, args.sessionId, ctx);
    if (!session) return refuse(RefusalCode.unknownSession);
    if (session.endedAt !== null) return refuse(RefusalCode.sessionEnded, session.endedAt);
    // Kept as marked: readers follow a merge to the survivor (resolveCustomer), as for orders.
    if (customerIdForRef(state, args.customerId, ctx) === undefined) return refuse(RefusalCode.unknownCustomer);
    const customerId = args.customerId;
    const id = attendanceIdFor(args.sessionId, args.customerId);
    const before = state.get('attendances', id);
    const row: Attendance = before
      ? { ...before, present: args.present, updatedAt: ctx.now }
      : {
          id, centreId: ctx.centreId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.staffId,
          sessionId: session.id, customerId, present: args.present,
        };
    return { ok: true, changes: [{ table: 'attendances', row }] };
  },
};
