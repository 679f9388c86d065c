import { useLiveQuery } from 'dexie-react-hooks';
import { uuidv7 } from '../../../../shared/domain/ids';
import type { Customer } from '../../../../shared/domain/villagers';
import type { StoredPackManifest } from '../../../../shared/packs/pack-manifest';
import { summariseSession, villagerProgress, type LessonProgress } from '../../../../shared/training/progress';
import type { QuizAnswer, TrainingSession } from '../../../../shared/training/sessions';
import { runCommand, type CommandContext } from '../../../data/commands/run-command';
import { db as defaultDb, type CunzhanDb } from '../../../data/db';
import { idsOfVillager, resolveCustomerRows } from '../../../data/queries/villagers';
import { courseProgress, type CourseProgress } from './course-progress';
import { sessionQuestions } from './session-questions';

/** Starts a session of one lesson (lessonId) or of the whole course (null); resolves to its id. */
export async function startSession(manifest: StoredPackManifest, packId: string, lessonId: string | null, context?: CommandContext): Promise<string> {
  const sessionId = uuidv7();
  const lessons = manifest.lessons
    .filter((l) => lessonId === null || l.id === lessonId)
    .map((l) => ({ id: l.id, title: l.title, questions: sessionQuestions(manifest, [l.id]).length }));
  await runCommand(
    'training.sessionStart',
    () => ({ sessionId, packId, courseTitle: manifest.course.title, scope: lessonId === null ? 'course' : 'lesson', lessons }),
    context,
  );
  return sessionId;
}

export async function markAttendance(sessionId: string, customerId: string, present: boolean, context?: CommandContext): Promise<void> {
  await runCommand('training.attend', () => ({ sessionId, customerId, present }), context);
}

/** Records a villager's answer (null: skipped), marked right or wrong against the pack. */
export async function recordAnswer(
  args: { sessionId: string; customerId: string; lessonId: string; stepId: string; answer: string | null; correct: boolean },
  context?: CommandContext,
): Promise<void> {
  await runCommand('training.answer', () => args, context);
}

export async function endSession(sessionId: string, context?: CommandContext): Promise<void> {
  await runCommand('training.sessionEnd', () => ({ sessionId }), context);
}

/** A session's attendee, as the villager stands now (merged ones under their survivor). */
export interface Attendee {
  /** The id the tablet marked them with: answers are recorded under it. */
  markedId: string;
  villager: Customer;
}

export interface SessionView {
  session: TrainingSession;
  attendees: Attendee[];
  answers: QuizAnswer[];
}

/** A session with who is marked present (in the order they were marked) and every answer; null when unknown here. */
export function useTrainingSession(sessionId: string, database: CunzhanDb = defaultDb): SessionView | null | undefined {
  return useLiveQuery(async () => {
    const session = await database.trainingSessions.get(sessionId);
    if (!session) return null;
    const marks = (await database.attendances.where('sessionId').equals(sessionId).toArray())
      .filter((a) => a.present)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const answers = await database.quizAnswers.where('sessionId').equals(sessionId).toArray();
    const markedIds = marks.map((a) => a.customerId);
    const villagers = await resolveCustomerRows(database, markedIds);
    const attendees = markedIds.flatMap((markedId) => {
      const villager = villagers.get(markedId);
      return villager ? [{ markedId, villager }] : [];
    });
    return { session, attendees, answers };
  }, [sessionId, database]);
}

/** Every course taught at the centre, newest session first, with its figures. */
export function useCourseProgress(database: CunzhanDb = defaultDb): CourseProgress[] | undefined {
  return useLiveQuery(async () => {
    const sessions = await database.trainingSessions.orderBy('createdAt').reverse().toArray();
    const attendances = await resolvedRows(database, await database.attendances.toArray());
    const answers = await resolvedRows(database, await database.quizAnswers.toArray());
    return courseProgress(sessions.map((s) => summariseSession(s, attendances, answers)), attendances);
  }, [database]);
}

/** Every lesson a villager took part in, with completion and scores (ids merged into them included). */
export function useVillagerProgress(villagerId: string, database: CunzhanDb = defaultDb): LessonProgress[] | undefined {
  return useLiveQuery(async () => {
    const ids = await idsOfVillager(database, villagerId);
    const attendances = await database.attendances.where('customerId').anyOf(ids).toArray();
    if (attendances.length === 0) return [];
    const answers = await database.quizAnswers.where('customerId').anyOf(ids).toArray();
    const sessions = (await database.trainingSessions.bulkGet([...new Set(attendances.map((a) => a.sessionId))])).filter((s) => s !== undefined);
    return villagerProgress(sessions, attendances, answers);
  }, [villagerId, database]);
}

/** Rows with their villager as they stand now (a merged one's survivor), so counts join across a merge. */
async function resolvedRows<R extends { customerId: string }>(database: CunzhanDb, rows: R[]): Promise<R[]> {
  const resolved = await resolveCustomerRows(database, rows.map((r) => r.customerId));
  return rows.map((r) => ({ ...r, customerId: resolved.get(r.customerId)?.id ?? r.customerId }));
}
