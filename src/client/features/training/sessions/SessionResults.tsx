import { useTranslation } from '../../../i18n/use-translation';
import { useFormat } from '../../../ui/format';
import type { SessionView } from './session-data';

/** Each attendee's score in the session: right answers of the questions asked, skips counted as not right. */
export function SessionResults({ view }: { view: SessionView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const questions = view.session.lessons.reduce((sum, l) => sum + l.questions, 0);
  if (view.attendees.length === 0) return <p class="muted">{t('sessions.noAttendees')}</p>;
  return (
    <table class="session-results" data-testid="session-results">
      <thead>
        <tr>
          <th scope="col">{t('sessions.villager')}</th>
          <th scope="col">{t('sessions.score')}</th>
        </tr>
      </thead>
      <tbody>
        {view.attendees.map((a) => {
          const mine = view.answers.filter((x) => x.customerId === a.markedId);
          const right = mine.filter((x) => x.correct).length;
          return (
            <tr key={a.markedId} data-testid="session-result">
              <th scope="row">
                <bdi>{a.villager.name}</bdi>
              </th>
              <td>
                {questions === 0
                  ? t('sessions.noQuiz')
                  : t('sessions.scoreOf', { right: fmt.number(right), total: fmt.number(questions) })}
                {questions > 0 && mine.length < questions && <span class="muted"> · {t('sessions.unanswered', { count: questions - mine.length, n: fmt.number(questions - mine.length) })}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
