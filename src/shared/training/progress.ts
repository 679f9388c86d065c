import type { LocalizedName } from '../domain/entities';
import type { Attendance, QuizAnswer, TrainingSession } from './sessions';

/**
 * A villager's progress in one lesson, read from the synced rows: the lesson
 * is completed once a session of it that they attended has ended; the score
 * is that of the latest session in which they answered its questions.
 */
export interface LessonProgress {
  packId: string;
  courseTitle: LocalizedName;
  lessonId: string;
  title: LocalizedName;
  /** When the first ended session they attended ended; null until then. */
  completedAt: string | null;
  /** Right answers and questions of the latest session they answered in (questions 0: no quiz). */
  correct: number;
  questions: number;
  /** When they were last in a session of it. */
  lastSeenAt: string;
}

/**
 * Every lesson a villager attended, from the sessions, their attendance rows
 * and their answers (already narrowed to the villager and the ids merged into them).
 */
export function villagerProgress(sessions: readonly TrainingSession[], attendances: readonly Attendance[], answers: readonly QuizAnswer[]): LessonProgress[] {
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const attended = attendances
    .filter((a) => a.present && sessionById.has(a.sessionId))
    .map((a) => sessionById.get(a.sessionId)!)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const byLesson = new Map<string, LessonProgress>();
  for (const session of attended) {
    for (const lesson of session.lessons) {
      const key = `${session.packId}\u0000${lesson.id}`;
      const before = byLesson.get(key);
      const mine = answers.filter((a) => a.sessionId === session.id && a.lessonId === lesson.id);
      const completedAt = before?.completedAt ?? session.endedAt;
      const scored = mine.length > 0 || !before;
      byLesson.set(key, {
        packId: session.packId,
        courseTitle: session.courseTitle,
        lessonId: lesson.id,
        title: lesson.title,
        completedAt,
        correct: scored ? mine.filter((a) => a.correct).length : before.correct,
        questions: scored ? lesson.questions : before.questions,
        lastSeenAt: session.createdAt,
      });
    }
  }
  return [...byLesson.values()].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
}

/** A session's figures for the centre: who came, and how they did in its quizzes. */
export interface SessionSummary {
  session: TrainingSession;
  attendees: number;
  /** Right answers over questions asked, all attendees together (0 when it had no quiz). */
  correct: number;
  asked: number;
}

export function summariseSession(session: TrainingSession, attendances: readonly Attendance[], answers: readonly QuizAnswer[]): SessionSummary {
  const present = new Set(attendances.filter((a) => a.sessionId === session.id && a.present).map((a) => a.customerId));
  const questions = session.lessons.reduce((sum, l) => sum + l.questions, 0);
  const mine = answers.filter((a) => a.sessionId === session.id && present.has(a.customerId));
  return { session, attendees: present.size, correct: mine.filter((a) => a.correct).length, asked: questions * present.size };
}
