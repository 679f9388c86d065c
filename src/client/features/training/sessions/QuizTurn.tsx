import { useTranslation } from '../../../i18n/use-translation';
import type { StoredPackManifest } from '../../../../shared/packs/pack-manifest';
import { ErrorText } from '../../../ui/ErrorText';
import { Icon } from '../../../ui/Icon';
import { useFormat } from '../../../ui/format';
import { useAction } from '../../orders/useAction';
import { StepImage, StepPlayer } from '../StepMedia';
import { recordAnswer, type Attendee } from './session-data';
import type { SessionQuestion } from './session-questions';

/**
 * One villager's turn at one question, on the shared tablet: the question
 * (spoken when the pack has it said), its answers as large tiles (pictures
 * when it has them) and a skip. The answer is saved at once; the next turn
 * follows from what is saved, so a reload resumes at the same place.
 */
export function QuizTurn({ manifest, sessionId, question, number, total, attendee }: {
  manifest: StoredPackManifest;
  sessionId: string;
  question: SessionQuestion;
  number: number;
  total: number;
  attendee: Attendee;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { busy, message, run } = useAction();
  const quiz = question.quiz;
  const pictures = quiz.answers.some((a) => a.image !== undefined);
  const questionText = fmt.name(quiz.question);

  const answer = (answerId: string | null) =>
    run(() =>
      recordAnswer({
        sessionId,
        customerId: attendee.markedId,
        lessonId: question.lessonId,
        stepId: question.stepId,
        answer: answerId,
        correct: answerId !== null && answerId === quiz.correct,
      }),
    );

  return (
    <div class="quiz-turn" data-testid="quiz-turn">
      <p class="quiz-turn-head">
        <span class="muted">{t('sessions.questionOf', { n: fmt.number(number), total: fmt.number(total) })}</span>
        <span class="quiz-turn-who" data-testid="quiz-turn-who">
          <Icon name="user" /> {t('sessions.turnOf')} <bdi>{attendee.villager.name}</bdi>
        </span>
      </p>
      <p class="lesson-text quiz-question" dir="auto">
        {questionText}
      </p>
      {quiz.audio !== undefined && (
        <div class="quiz-audio" data-testid="quiz-audio">
          <span class="muted">{t('sessions.listen')}</span>
          <StepPlayer manifest={manifest} path={quiz.audio} kind="audio" label={questionText} />
        </div>
      )}
      <ul class={pictures ? 'quiz-tiles quiz-tiles-pictures' : 'quiz-tiles'}>
        {quiz.answers.map((a) => (
          <li key={a.id}>
            <button type="button" class="quiz-tile" disabled={busy} onClick={() => void answer(a.id)} data-testid="quiz-tile" data-answer={a.id}>
              {a.image && <StepImage manifest={manifest} path={a.image} alt="" class="quiz-tile-image" />}
              <span class="quiz-tile-text">{fmt.name(a.text)}</span>
            </button>
          </li>
        ))}
      </ul>
      <ErrorText code={message?.key} params={message?.params} />
      <button type="button" class="button button-ghost" disabled={busy} onClick={() => void answer(null)} data-testid="quiz-skip">
        {t('sessions.skip')}
      </button>
    </div>
  );
}
