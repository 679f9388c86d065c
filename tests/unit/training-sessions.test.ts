import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/domain/ids';
import type { StoredPackManifest } from '../../src/shared/packs/pack-manifest';
import { packManifest } from '../../src/shared/packs/pack-manifest';
import { villagerProgress } from '../../src/shared/training/progress';
import { attendanceIdFor, quizAnswerIdFor } from '../../src/shared/training/sessions';
import { nextTurn, sessionQuestions, unanswerableQuestions } from '../../src/client/features/training/sessions/session-questions';
import * as v from 'valibot';
import demoManifest from '../../src/server/seed/demo-pack/manifest.json';
import { MemoryCentre } from './support/memory-centre';

const title = (en: string) => ({ 'zh-CN': en, en, ug: en });

function centreWithVillager(name = '古丽') {
  const centre = new MemoryCentre();
  const customerId = uuidv7();
  const made = centre.run('customer.create', { customerId, name, consent: false, phone: '', village: '', household: '', householdSize: 0, notes: '' });
  expect(made.ok).toBe(true);
  return { centre, customerId };
}

function start(centre: MemoryCentre, lessons = [{ id: 'photos', title: title('Photos'), questions: 2 }], role: 'trainer' | 'admin' | 'clerk' = 'trainer') {
  const sessionId = uuidv7();
  const decision = centre.run(
    'training.sessionStart',
    { sessionId, packId: 'sell-produce-online', courseTitle: title('Selling'), scope: lessons.length > 1 ? 'course' : 'lesson', lessons },
    { role },
  );
  return { sessionId, decision };
}

const answer = (sessionId: string, customerId: string, stepId: string, choice: string | null, correct: boolean) => ({
  sessionId, customerId, lessonId: 'photos', stepId, answer: choice, correct,
});

describe('training sessions decide', () => {
  it('a trainer starts a session, marks a villager, records answers and ends it; marking or answering again replaces the row', () => {
    const { centre, customerId } = centreWithVillager();
    const { sessionId, decision } = start(centre);
    expect(decision.ok).toBe(true);
    expect(centre.run('training.attend', { sessionId, customerId, present: true }, { role: 'trainer' }).ok).toBe(true);
    expect(centre.run('training.attend', { sessionId, customerId, present: true }, { role: 'trainer' }).ok).toBe(true);
    expect(centre.all('attendances')).toHaveLength(1);
    expect(centre.get('attendances', attendanceIdFor(sessionId, customerId))).toMatchObject({ present: true, customerId });

    expect(centre.run('training.answer', answer(sessionId, customerId, 'q1', 'dark', false), { role: 'trainer' }).ok).toBe(true);
    // The villager changes their mind: one row, the last answer.
    expect(centre.run('training.answer', answer(sessionId, customerId, 'q1', 'bright', true), { role: 'trainer' }).ok).toBe(true);
    expect(centre.run('training.answer', answer(sessionId, customerId, 'q2', null, false), { role: 'trainer' }).ok).toBe(true);
    expect(centre.all('quizAnswers')).toHaveLength(2);
    expect(centre.get('quizAnswers', quizAnswerIdFor(sessionId, customerId, 'photos', 'q1'))).toMatchObject({ answer: 'bright', correct: true });

    expect(centre.run('training.sessionEnd', { sessionId }, { role: 'trainer' }).ok).toBe(true);
    const session = centre.get('trainingSessions', sessionId)!;
    expect(session.endedAt).not.toBeNull();
    expect(villagerProgress([session], centre.all('attendances'), centre.all('quizAnswers'))).toEqual([
      expect.objectContaining({ lessonId: 'photos', completedAt: session.endedAt, correct: 1, questions: 2 }),
    ]);
  });

  it('refuses what cannot be: a clerk, an ended or unknown session, someone not present, a lesson outside the session, a right skip', () => {
    const { centre, customerId } = centreWithVillager();
    expect(start(centre, undefined, 'clerk').decision).toEqual({ ok: false, code: 'not_permitted' });
    const { sessionId } = start(centre);
    expect(centre.run('training.attend', { sessionId: uuidv7(), customerId, present: true }, { role: 'trainer' })).toMatchObject({ code: 'unknown_session' });
    expect(centre.run('training.attend', { sessionId, customerId: uuidv7(), present: true }, { role: 'trainer' })).toMatchObject({ code: 'unknown_customer' });
    expect(centre.run('training.answer', answer(sessionId, customerId, 'q1', 'bright', true), { role: 'trainer' })).toMatchObject({ code: 'not_attending' });
    centre.run('training.attend', { sessionId, customerId, present: true }, { role: 'trainer' });
    expect(centre.run('training.answer', { ...answer(sessionId, customerId, 'q1', 'bright', true), lessonId: 'live-stream' }, { role: 'trainer' })).toMatchObject({
      code: 'invalid_args',
    });
    expect(centre.run('training.answer', answer(sessionId, customerId, 'q1', null, true), { role: 'trainer' })).toMatchObject({ code: 'invalid_args' });
    // Unticked by mistake: no longer answers.
    centre.run('training.attend', { sessionId, customerId, present: false }, { role: 'trainer' });
    expect(centre.run('training.answer', answer(sessionId, customerId, 'q1', 'bright', true), { role: 'trainer' })).toMatchObject({ code: 'not_attending' });
    expect(centre.run('training.sessionEnd', { sessionId }, { role: 'admin' }).ok).toBe(true);
    expect(centre.run('training.sessionEnd', { sessionId }, { role: 'trainer' })).toMatchObject({ code: 'session_ended' });
    expect(centre.run('training.attend', { sessionId, customerId, present: true }, { role: 'trainer' })).toMatchObject({ code: 'session_ended' });
  });

  it('progress: completed by the first ended session attended, scored by the latest session answered in', () => {
    const { centre, customerId } = centreWithVillager();
    const first = start(centre).sessionId;
    centre.run('training.attend', { sessionId: first, customerId, present: true }, { role: 'trainer' });
    centre.run('training.answer', answer(first, customerId, 'q1', 'dark', false), { role: 'trainer' });
    centre.run('training.sessionEnd', { sessionId: first }, { role: 'trainer' });
    const again = start(centre).sessionId;
    centre.run('training.attend', { sessionId: again, customerId, present: true }, { role: 'trainer' });
    centre.run('training.answer', answer(again, customerId, 'q1', 'bright', true), { role: 'trainer' });
    centre.run('training.answer', answer(again, customerId, 'q2', 'bright', true), { role: 'trainer' });
    const progress = villagerProgress(centre.all('trainingSessions'), centre.all('attendances'), centre.all('quizAnswers'));
    expect(progress).toEqual([expect.objectContaining({ completedAt: centre.get('trainingSessions', first)!.endedAt, correct: 2, questions: 2 })]);
  });
});

describe('a session’s quiz turns', () => {
  const manifest = demoManifest as unknown as StoredPackManifest;

  it('the demo pack speaks a question and has one answered by pictures', () => {
    expect(v.safeParse(packManifest, demoManifest).success).toBe(true);
    const photos = sessionQuestions(manifest, ['photos']);
    expect(photos).toHaveLength(1);
    expect(photos[0]!.quiz.audio).toBe('media/photo-question.ogg');
    expect(photos[0]!.quiz.answers.every((a) => a.image !== undefined)).toBe(true);
  });

  it('goes question by question, each attendee in turn, and resumes at the first pair not answered', () => {
    const questions = sessionQuestions(manifest, manifest.lessons.map((l) => l.id));
    const people = [{ markedId: 'a' }, { markedId: 'b' }, { markedId: 'c' }];
    const done = new Set<string>();
    const order: string[] = [];
    for (let turn = nextTurn(questions, people, (c, l, s) => done.has(`${c}/${l}/${s}`)); turn; turn = nextTurn(questions, people, (c, l, s) => done.has(`${c}/${l}/${s}`))) {
      order.push(`${turn.index}${turn.attendee.markedId}`);
      done.add(`${turn.attendee.markedId}/${turn.question.lessonId}/${turn.question.stepId}`);
    }
    expect(order.slice(0, 4)).toEqual(['0a', '0b', '0c', '1a']);
    expect(order).toHaveLength(questions.length * people.length);
  });

  it('a question with no answers to choose from is left out and counted, not shown', () => {
    const broken = structuredClone(manifest);
    broken.lessons[0]!.steps.find((s) => s.kind === 'quiz')!.quiz!.answers = [];
    expect(sessionQuestions(broken, [broken.lessons[0]!.id])).toEqual([]);
    expect(unanswerableQuestions(broken, [broken.lessons[0]!.id])).toBe(1);
    // The county's import refuses such a pack outright, with a reason.
    const refused = v.safeParse(packManifest, broken);
    expect(refused.success).toBe(false);
  });
});
