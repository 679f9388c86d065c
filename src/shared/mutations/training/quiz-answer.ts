import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { attendanceIdFor, quizAnswerIdFor, type QuizAnswer } from '../../training/sessions';
import { customerIdForRef } from '../customers/fields';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { packRef, sessionOfCentre } from './fields';

const schema = v.pipe(
  v.strictObject({
    sessionId: uuid,
    customerId: uuid,
    lessonId: packRef,
    stepId: packRef,
    /** null: the villager skipped the question. */
    answer: v.nullable(packRef),
    correct: v.boolean(),
  }),
  v.check((args) => args.answer !== null || !args.correct, 'a skipped question is not answered right'),
);
export type QuizAnswerArgs = v.InferOutput<typeof schema>;

/**
 * A villager's answer to one question of a session's lesson, on the shared
 * tablet. Only a villager marked present answers; the tablet marks it right
 * or wrong from the pack it holds (the server holds no pack to decide with).
 */
export const trainingAnswer: MutationDef<QuizAnswerArgs> = {
  kind: 'training.answer',
  schema,
  reads: (args) => [
    { table: 'trainingSessions', id: args.sessionId },
    { table: 'customers', id: args.customerId },
    { table: 'attendances', id: attendanceIdFor(args.sessionId, args.customerId) },
    { table: 'quizAnswers', id: quizAnswerIdFor(args.sessionId, args.customerId, args.lessonId, args.stepId) },
  ],
  decide(args, state, ctx) {
    const session = sessionOfCentre(state, args.sessionId, ctx);
    if (!session) return refuse(RefusalCode.unknownSession);
    if (session.endedAt !== null) return refuse(RefusalCode.sessionEnded, session.endedAt);
    if (!session.lessons.some((l) => l.id === args.lessonId)) return refuse(RefusalCode.invalidArgs, `lessonId: not a lesson of this session`);
    // Kept as marked: readers follow a merge to the survivor (resolveCustomer), as for orders.
    if (customerIdForRef(state, args.customerId, ctx) === undefined) return refuse(RefusalCode.unknownCustomer);
    const customerId = args.customerId;
    if (state.get('attendances', attendanceIdFor(args.sessionId, args.customerId))?.present !== true) return refuse(RefusalCode.notAttending);
    const id = quizAnswerIdFor(args.sessionId, args.customerId, args.lessonId, args.stepId);
    const before = state.get('quizAnswers', id);
    const row: QuizAnswer = before
      ? { ...before, answer: args.answer, correct: args.correct, updatedAt: ctx.now }
      : {
          id, centreId: ctx.centreId, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.staffId,
          sessionId: session.id, customerId, lessonId: args.lessonId, stepId: args.stepId, answer: args.answer, correct: args.correct,
        };
    return { ok: true, changes: [{ table: 'quizAnswers', row }] };
  },
};
