import { deterministicId } from '../domain/deterministic-id';
import type { LocalizedName, RowBase } from '../domain/entities';

/**
 * Trainer sessions: a trainer teaches a lesson (or a whole course) to the
 * villagers who came, and each answers the lesson's quizzes on the shared
 * tablet in turn. Sessions, attendance and answers are synced rows; a
 * villager's progress is read from them (training/progress.ts).
 */

/** A lesson a session covers, with its title as the pack had it, so progress reads without the pack. */
export interface SessionLesson {
  id: string;
  title: LocalizedName;
  /** How many quiz questions the lesson has. */
  questions: number;
}

export interface TrainingSession extends RowBase {
  packId: string;
  courseTitle: LocalizedName;
  /** One lesson, or every lesson of the course. */
  scope: 'lesson' | 'course';
  lessons: SessionLesson[];
  /** When the trainer ended it (null while it runs): its attendees have then completed its lessons. */
  endedAt: string | null;
  deviceId: string;
}

/** Whether a villager came to a session (id: attendanceIdFor). Unticked by mistake: present false. */
export interface Attendance extends RowBase {
  sessionId: string;
  /** The villager as the tablet marked them; readers follow a merge to the survivor (resolveCustomer). */
  customerId: string;
  present: boolean;
}

/** A villager's answer to one quiz question in a session (id: quizAnswerIdFor); a later answer replaces it. */
export interface QuizAnswer extends RowBase {
  sessionId: string;
  customerId: string;
  lessonId: string;
  stepId: string;
  /** The answer chosen, or null when the villager skipped the question. */
  answer: string | null;
  /** Marked by the tablet, which holds the pack's right answer. */
  correct: boolean;
}

/** One attendance row per session and villager (as the tablet named them): marking again updates it. */
export function attendanceIdFor(sessionId: string, customerId: string): string {
  return deterministicId('attendance', `${sessionId}\u0000${customerId}`);
}

/** One answer row per session, villager and question. */
export function quizAnswerIdFor(sessionId: string, customerId: string, lessonId: string, stepId: string): string {
  return deterministicId('quiz-answer', `${sessionId}\u0000${customerId}\u0000${lessonId}\u0000${stepId}`);
}

/** Bounds of a session's args. */
export const SESSION_LIMITS = { lessons: 50, questions: 40 } as const;
