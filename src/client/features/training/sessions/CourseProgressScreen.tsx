import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../../i18n/use-translation';
import { Icon } from '../../../ui/Icon';
import { Loading } from '../../../ui/Loading';
import { useFormat } from '../../../ui/format';
import type { CourseProgress } from './course-progress';
import { useCourseProgress } from './session-data';

/** The centre's training: per course, its sessions, who came and who completed which lesson. */
export function CourseProgressScreen() {
  const { t } = useTranslation();
  const courses = useCourseProgress();
  return (
    <section class="screen training" data-testid="training-progress">
      <Link to="/training" className="button button-ghost lesson-back">
        <Icon name="back" class="flip-rtl" />
        {t('training.allPacks')}
      </Link>
      <h1>{t('sessions.progressTitle')}</h1>
      <p class="lead">{t('sessions.progressIntro')}</p>
      {courses === undefined ? (
        <Loading />
      ) : courses.length === 0 ? (
        <p class="empty" data-testid="training-progress-empty">
          {t('sessions.noSessions')}
        </p>
      ) : (
        courses.map((course) => <CourseCard key={course.packId} course={course} />)
      )}
    </section>
  );
}

function CourseCard({ course }: { course: CourseProgress }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <article class="card course-progress" data-testid="course-progress">
      <h2>{fmt.name(course.courseTitle)}</h2>
      <dl class="course-figures">
        <div>
          <dt>{t('sessions.figureSessions')}</dt>
          <dd data-testid="course-sessions">{fmt.number(course.sessions.length)}</dd>
        </div>
        <div>
          <dt>{t('sessions.figureVillagers')}</dt>
          <dd data-testid="course-villagers">{fmt.number(course.villagers)}</dd>
        </div>
        <div>
          <dt>{t('sessions.figureCompletedAll')}</dt>
          <dd data-testid="course-completed">{fmt.number(course.completedAll)}</dd>
        </div>
      </dl>
      <h3>{t('sessions.lessonCompletion')}</h3>
      <ul class="list">
        {course.lessons.map((lesson) => (
          <li key={lesson.id} class="list-row course-lesson">
            <span class="list-row-main">{fmt.name(lesson.title)}</span>
            <span class="badge badge-ok">{t('sessions.completedBy', { count: lesson.completedBy, n: fmt.number(lesson.completedBy) })}</span>
          </li>
        ))}
      </ul>
      <h3>{t('sessions.sessionsHeading')}</h3>
      <ul class="list">
        {course.sessions.map(({ session, attendees, correct, asked }) => (
          <li key={session.id}>
            <Link to="/training-session/$sessionId" params={{ sessionId: session.id }} className="list-row" data-testid="session-row">
              <Icon name="users" />
              <span class="list-row-main">
                <strong>{session.scope === 'course' ? t('sessions.wholeCourse') : fmt.name(session.lessons[0]!.title)}</strong>
                <span class="muted">
                  {fmt.dateTime(session.createdAt)} · {t('sessions.attendeesCount', { count: attendees, n: fmt.number(attendees) })}
                  {asked > 0 && <> · {t('sessions.rightShare', { percent: fmt.number(Math.round((correct / asked) * 100)) })}</>}
                </span>
              </span>
              {session.endedAt === null ? <span class="badge badge-low">{t('sessions.running')}</span> : <span class="badge badge-ok">{t('sessions.ended')}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </article>
  );
}
