import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { SESSION_LIMITS, type TrainingSession } from '../../training/sessions';
import { localizedName, uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { packRef } from './fields';

const lesson = v.strictObject({
  id: packRef,
  title: localizedName,
  questions: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(SESSION_LIMITS.questions)),
});

const schema = v.pipe(
  v.strictObject({
    sessionId: uuid,
    packId: packRef,
    courseTitle: localizedName,
    scope: v.picklist(['lesson', 'course']),
    lessons: v.pipe(v.array(lesson), v.minLength(1), v.maxLength(SESSION_LIMITS.lessons)),
  }),
  v.check((args) => args.scope === 'course' || args.lessons.length === 1, 'a lesson session covers one lesson'),
  v.check((args) => new Set(args.lessons.map((l) => l.id)).size === args.lessons.length, 'a lesson is listed twice'),
);
export type SessionStartArgs = v.InferOutput<typeof schema>;

/**
 * A trainer starts teaching a lesson or a whole course. The titles come
 * from the pack on the tablet, so progress reads the same on tablets
 * without the pack and on the server, which never opens a pack to decide.
 */
export const trainingSessionStart: MutationDef<SessionStartArgs> = {
  kind: 'training.sessionStart',
  schema,
  reads: (args) => [{ table: 'trainingSessions', id: args.sessionId }],
  decide(args, state, ctx) {
    if (state.get('trainingSessions', args.sessionId)) return refuse(RefusalCode.alreadyExists);
    const session: TrainingSession = {
      id: args.sessionId, centreId: ctx.centreId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.staffId,
      packId: args.packId, courseTitle: args.courseTitle, scope: args.scope, lessons: args.lessons, endedAt: null, deviceId: ctx.deviceId,
    };
    return { ok: true, changes: [{ table: 'trainingSessions', row: session }] };
  },
};
