import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'preact/hooks';
import { useTranslation } from '../../../i18n/use-translation';
import type { StoredPackManifest } from '../../../../shared/packs/pack-manifest';
import { quizAnswerIdFor } from '../../../../shared/training/sessions';
import { useMayRun } from '../../../auth/permissions';
import { usePack } from '../../../data/packs/pack-queries';
import { ErrorText } from '../../../ui/ErrorText';
import { Icon } from '../../../ui/Icon';
import { Loading } from '../../../ui/Loading';
import { Segmented } from '../../../ui/Segmented';
import { useFormat } from '../../../ui/format';
import { AttendancePanel } from './AttendancePanel';
import { QuizTurn } from './QuizTurn';
import { SessionResults } from './SessionResults';
import { useAction } from '../../orders/useAction';
import { endSession, useTrainingSession, type SessionView } from './session-data';
import type { SessionPart } from '../../../routes/training-session-search';
import { nextTurn, sessionQuestions, unanswerableQuestions } from './session-questions';


/**
 * A trainer's session: who came, the quiz each answers in turn, and the
 * results. Everything is saved as it happens; the part shown sits in the
 * address, so a reload opens the session where it was.
 */
export function SessionScreen({ sessionId, part }: { sessionId: string; part: SessionPart | undefined }) {
  const { t } = useTranslation();
  const view = useTrainingSession(sessionId);
  if (view === undefined) return <Loading />;
  if (view === null) {
    return (
      <section class="screen training">
        <p class="notice" role="alert" data-testid="session-not-found">
          {t('sessions.notFound')}
        </p>
        <Link to="/training" className="button">
          {t('training.allPacks')}
        </Link>
      </section>
    );
  }
  return <SessionPage view={view} part={part ?? (view.session.endedAt ? 'results' : 'attendance')} />;
}

function SessionPage({ view, part }: { view: SessionView; part: SessionPart }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const pack = usePack(view.session.packId);
  const mayRun = useMayRun('training.answer');
  const { session, attendees } = view;
  const running = session.endedAt === null && mayRun;
  const show = (next: SessionPart) =>
    void navigate({ to: '/training-session/$sessionId', params: { sessionId: session.id }, search: { part: next }, replace: true });
  const title = session.scope === 'course' ? fmt.name(session.courseTitle) : fmt.name(session.lessons[0]!.title);

  return (
    <section class="screen training session" data-testid="session">
      <Link to="/training-sessions" className="button button-ghost lesson-back" data-testid="session-back">
        <Icon name="back" class="flip-rtl" />
        {t('sessions.allSessions')}
      </Link>
      <header class="session-head">
        <h1 data-testid="session-title">{title}</h1>
        <p class="muted">
          {session.scope === 'course' ? t('sessions.wholeCourse') : fmt.name(session.courseTitle)}
          {' · '}
          {fmt.dateTime(session.createdAt)}
        </p>
        {session.endedAt ? (
          <p class="badge badge-ok" data-testid="session-ended">
            {t('sessions.endedAt', { time: fmt.dateTime(session.endedAt) })}
          </p>
        ) : (
          <p class="badge badge-low" data-testid="session-running">
            {t('sessions.running')}
          </p>
        )}
      </header>
      <Segmented<SessionPart>
        label={t('sessions.parts')}
        value={part}
        onChange={show}
        segments={[
          { value: 'attendance', label: t('sessions.partAttendance'), testId: 'session-part-attendance' },
          { value: 'quiz', label: t('sessions.partQuiz'), testId: 'session-part-quiz' },
          { value: 'results', label: t('sessions.partResults'), testId: 'session-part-results' },
        ]}
      />
      {part === 'attendance' && (
        <>
          <AttendancePanel sessionId={session.id} attendees={attendees} running={running} />
          {running && attendees.length > 0 && (
            <button type="button" class="button button-primary button-large" onClick={() => show('quiz')} data-testid="session-to-quiz">
              {t('sessions.toQuiz')}
            </button>
          )}
        </>
      )}
      {part === 'quiz' &&
        (pack === undefined ? (
          <Loading />
        ) : !pack?.ready ? (
          <p class="notice" role="alert" data-testid="session-no-pack">
            {t('sessions.packMissing')}
          </p>
        ) : (
          <QuizPart view={view} manifest={pack.ready.manifest} running={running} onDone={() => show('results')} />
        ))}
      {part === 'results' && <ResultsPart view={view} running={running} />}
    </section>
  );
}

function QuizPart({ view, manifest, running, onDone }: { view: SessionView; manifest: StoredPackManifest; running: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lessonIds = view.session.lessons.map((l) => l.id);
  const questions = sessionQuestions(manifest, lessonIds);
  const leftOut = unanswerableQuestions(manifest, lessonIds);
  const answered = new Set(view.answers.map((a) => a.id));
  const turn = nextTurn(questions, view.attendees, (customerId, lessonId, stepId) =>
    answered.has(quizAnswerIdFor(view.session.id, customerId, lessonId, stepId)),
  );
  const last = [...view.answers].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const lastName = last && view.attendees.find((a) => a.markedId === last.customerId)?.villager.name;
  const lastQuestion = last && questions.find((q) => q.lessonId === last.lessonId && q.stepId === last.stepId);
  const rightText = lastQuestion && fmt.name(lastQuestion.quiz.answers.find((a) => a.id === lastQuestion.quiz.correct)?.text ?? {});

  return (
    <div class="session-quiz">
      {leftOut > 0 && (
        <p class="notice" role="status" data-testid="quiz-left-out">
          {t('sessions.noAnswersLeftOut', { count: leftOut, n: fmt.number(leftOut) })}
        </p>
      )}
      {last && lastName && (
        <p class={last.correct ? 'quiz-last quiz-last-right' : 'quiz-last'} role="status" data-testid="quiz-last">
          <Icon name={last.correct ? 'check' : 'close'} />
          <span>
            {last.answer === null
              ? t('sessions.lastSkipped', { name: lastName })
              : last.correct
                ? t('sessions.lastRight', { name: lastName })
                : t('sessions.lastWrong', { name: lastName, answer: rightText ?? '' })}
          </span>
        </p>
      )}
      {questions.length === 0 ? (
        <p class="empty" data-testid="quiz-none">
          {t('sessions.noQuestions')}
        </p>
      ) : view.attendees.length === 0 ? (
        <p class="notice" data-testid="quiz-no-attendees">
          {t('sessions.markFirst')}
        </p>
      ) : !running ? (
        <SessionResults view={view} />
      ) : turn ? (
        <QuizTurn
          key={`${turn.attendee.markedId}-${turn.question.lessonId}-${turn.question.stepId}`}
          manifest={manifest}
          sessionId={view.session.id}
          question={turn.question}
          number={turn.index + 1}
          total={questions.length}
          attendee={turn.attendee}
        />
      ) : (
        <div class="card" data-testid="quiz-all-done">
          <p>{t('sessions.allAnswered')}</p>
          <button type="button" class="button button-primary button-large" onClick={onDone} data-testid="session-to-results">
            {t('sessions.seeResults')}
          </button>
        </div>
      )}
    </div>
  );
}

function ResultsPart({ view, running }: { view: SessionView; running: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const { busy, message, run } = useAction();
  const end = async () => {
    await run(() => endSession(view.session.id));
    setConfirming(false);
  };
  return (
    <>
      <SessionResults view={view} />
      {running && (
        <div class="card">
          {confirming ? (
            <>
              <p>{t('sessions.endConfirm', { count: view.attendees.length })}</p>
              <div class="actions">
                <button type="button" class="button button-primary" disabled={busy} onClick={() => void end()} data-testid="session-end-confirm">
                  <Icon name="check" />
                  {t('sessions.end')}
                </button>
                <button type="button" class="button" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </>
          ) : (
            <button type="button" class="button button-primary button-large" onClick={() => setConfirming(true)} data-testid="session-end">
              <Icon name="check" />
              {t('sessions.end')}
            </button>
          )}
          <ErrorText code={message?.key} params={message?.params} />
        </div>
      )}
    </>
  );
}
