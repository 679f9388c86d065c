import { useState } from 'preact/hooks';
import { useTranslation } from '../../i18n/use-translation';
import type { PackStep, StoredPackManifest } from '../../../shared/packs/pack-manifest';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { StepImage } from './StepMedia';

type Quiz = NonNullable<PackStep['quiz']>;

/** A quiz step, read-only for now: the question, its answers, and the right one on request. */
export function QuizView({ manifest, quiz }: { manifest: StoredPackManifest; quiz: Quiz }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [shown, setShown] = useState(false);
  return (
    <div class="quiz" data-testid="lesson-quiz">
      <p class="lesson-text quiz-question">{fmt.name(quiz.question)}</p>
      <ul class="quiz-answers">
        {quiz.answers.map((answer) => {
          const right = shown && answer.id === quiz.correct;
          return (
            <li key={answer.id} class={right ? 'quiz-answer quiz-answer-right' : 'quiz-answer'} data-testid="quiz-answer">
              {answer.image && <StepImage manifest={manifest} path={answer.image} alt="" class="quiz-answer-image" />}
              <span class="quiz-answer-text">{fmt.name(answer.text)}</span>
              {right && (
                <span class="badge badge-ok">
                  <Icon name="check" size={18} /> {t('training.rightAnswer')}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p class="muted">{t('training.quizNote')}</p>
      {!shown && (
        <button type="button" class="button" onClick={() => setShown(true)} data-testid="quiz-show-answer">
          {t('training.showAnswer')}
        </button>
      )}
    </div>
  );
}
