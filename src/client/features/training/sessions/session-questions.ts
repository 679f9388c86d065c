import type { PackStep, StoredPackManifest } from '../../../../shared/packs/pack-manifest';

export type Quiz = NonNullable<PackStep['quiz']>;

/** One quiz question of a session, where it sits in the pack. */
export interface SessionQuestion {
  lessonId: string;
  stepId: string;
  quiz: Quiz;
}

/**
 * The questions villagers answer in a session of these lessons, in lesson
 * and step order. A question with no answers to choose from cannot be
 * answered: it is left out (the screen says so, see unanswerableQuestions).
 */
export function sessionQuestions(manifest: StoredPackManifest, lessonIds: readonly string[]): SessionQuestion[] {
  return allQuestions(manifest, lessonIds).filter((q) => q.quiz.answers.length > 0);
}

/** How many quiz steps of these lessons have no answers to choose from. */
export function unanswerableQuestions(manifest: StoredPackManifest, lessonIds: readonly string[]): number {
  return allQuestions(manifest, lessonIds).filter((q) => q.quiz.answers.length === 0).length;
}

function allQuestions(manifest: StoredPackManifest, lessonIds: readonly string[]): SessionQuestion[] {
  const wanted = new Set(lessonIds);
  return manifest.lessons
    .filter((l) => wanted.has(l.id))
    .flatMap((l) => l.steps.flatMap((s) => (s.kind === 'quiz' && s.quiz ? [{ lessonId: l.id, stepId: s.id, quiz: s.quiz }] : [])));
}

/** Which villager answers which question next: the first pair, question by question, not yet answered. */
export function nextTurn<A extends { markedId: string }>(
  questions: readonly SessionQuestion[],
  attendees: readonly A[],
  answered: (customerId: string, lessonId: string, stepId: string) => boolean,
): { question: SessionQuestion; index: number; attendee: A } | null {
  for (const [index, question] of questions.entries()) {
    for (const attendee of attendees) {
      if (!answered(attendee.markedId, question.lessonId, question.stepId)) return { question, index, attendee };
    }
  }
  return null;
}
