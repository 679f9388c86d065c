import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { sessionOfCentre } from './fields';

const schema = v.strictObject({ sessionId: uuid });
export type SessionEndArgs = v.InferOutput<typeof schema>;

/** The trainer ends a session: those marked present have completed its lessons, with the scores they got. */
export const trainingSessionEnd: MutationDef<SessionEndArgs> = {
  kind: 'training.sessionEnd',
  schema,
  reads: (args) => [{ table: 'trainingSessions', id: args.sessionId }],
  decide(args, state, ctx) {
    const session = sessionOfCentre(state, args.sessionId, ctx);
    if (!session) return refuse(RefusalCode.unknownSession);
    if (session.endedAt !== null) return refuse(RefusalCode.sessionEnded, session.endedAt);
    return { ok: true, changes: [{ table: 'trainingSessions', row: { ...session, endedAt: ctx.now, updatedAt: ctx.now } }] };
  },
};
