import type { AnyRow, TableName } from '../../shared/domain/entities';
import { SERVER_DEVICE_ID, uuidv7 } from '../../shared/domain/ids';
import type { Customer } from '../../shared/domain/villagers';
import { attendanceIdFor, quizAnswerIdFor, type Attendance, type QuizAnswer, type TrainingSession } from '../../shared/training/sessions';
import { demoPackManifest } from './demo-course';

const DAY_MS = 86_400_000;

type Row = { table: TableName; row: AnyRow };

/**
 * Past sessions of the demo course: which lesson, how long ago, and who came
 * (by name) with the answers they chose (null: skipped), one per quiz question.
 */
const SESSIONS: readonly { lesson: string; daysAgo: number; came: readonly [name: string, answers: (string | null)[]][] }[] = [
  {
    lesson: 'open-shop',
    daysAgo: 10.2,
    came: [
      ['张桂兰', ['lorry']],
      ['买买提·艾力', ['lorry']],
      ['古丽娜尔·吐尔逊', ['phone']],
      ['阿依努尔·买买提', ['lorry']],
      ['热依拉', [null]],
    ],
  },
  {
    lesson: 'photos',
    daysAgo: 3.1,
    came: [
      ['买买提·艾力', ['bright']],
      ['古丽娜尔·吐尔逊', ['bright']],
      ['阿依努尔·买买提', ['dark']],
    ],
  },
];

/**
 * The trainer's (`staffId`) past sessions at the demo centre, with
 * attendance and quiz scores, so villagers' pages and the course's progress
 * show something.
 */
export function demoTrainingRows(centreId: string, staffId: string, customers: readonly Customer[], now: string): Row[] {
  const manifest = demoPackManifest();
  const byName = new Map(customers.map((c) => [c.name, c]));
  const nowMs = Date.parse(now);
  const rows: Row[] = [];
  for (const planned of SESSIONS) {
    const lesson = manifest.lessons.find((l) => l.id === planned.lesson);
    if (!lesson) continue;
    const quizzes = lesson.steps.filter((s) => s.kind === 'quiz' && s.quiz);
    const startedAt = new Date(nowMs - Math.round(planned.daysAgo * DAY_MS)).toISOString();
    const endedAt = new Date(Date.parse(startedAt) + 50 * 60_000).toISOString();
    const base = { centreId, createdBy: staffId, createdAt: startedAt, updatedAt: startedAt };
    const session: TrainingSession = {
      ...base, id: uuidv7(), updatedAt: endedAt, packId: manifest.course.id, courseTitle: manifest.course.title, scope: 'lesson',
      lessons: [{ id: lesson.id, title: lesson.title, questions: quizzes.length }], endedAt, deviceId: SERVER_DEVICE_ID,
    };
    rows.push({ table: 'trainingSessions', row: session });
    for (const [name, answers] of planned.came) {
      const villager = byName.get(name);
      if (!villager) continue;
      const attendance: Attendance = { ...base, id: attendanceIdFor(session.id, villager.id), sessionId: session.id, customerId: villager.id, present: true };
      rows.push({ table: 'attendances', row: attendance });
      quizzes.forEach((step, i) => {
        const choice = answers[i] ?? null;
        const answer: QuizAnswer = {
          ...base, id: quizAnswerIdFor(session.id, villager.id, lesson.id, step.id), sessionId: session.id, customerId: villager.id,
          lessonId: lesson.id, stepId: step.id, answer: choice, correct: choice !== null && choice === step.quiz!.correct,
        };
        rows.push({ table: 'quizAnswers', row: answer });
      });
    }
  }
  return rows;
}
