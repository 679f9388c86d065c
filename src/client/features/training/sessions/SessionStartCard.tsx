import './sessions.css';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'preact/hooks';
import { useTranslation } from '../../../i18n/use-translation';
import type { StoredPackManifest } from '../../../../shared/packs/pack-manifest';
import { useMayRun } from '../../../auth/permissions';
import { ErrorText } from '../../../ui/ErrorText';
import { Icon } from '../../../ui/Icon';
import { useFormat } from '../../../ui/format';
import { useAction } from '../../orders/useAction';
import { startSession } from './session-data';

const WHOLE_COURSE = '';

/** On a pack's page: a trainer starts a session of one lesson or of the whole course. */
export function SessionStartCard({ manifest, packId }: { manifest: StoredPackManifest; packId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const mayRun = useMayRun('training.sessionStart');
  const [lessonId, setLessonId] = useState<string>(manifest.lessons[0]?.id ?? WHOLE_COURSE);
  const { busy, message, run } = useAction();
  if (!mayRun) return null;

  const start = () =>
    run(async () => {
      const sessionId = await startSession(manifest, packId, lessonId === WHOLE_COURSE ? null : lessonId);
      await navigate({ to: '/training-session/$sessionId', params: { sessionId } });
    });

  return (
    <div class="card session-start" data-testid="session-start">
      <h2>{t('sessions.startTitle')}</h2>
      <p class="muted">{t('sessions.startHint')}</p>
      <label class="field">
        <span>{t('sessions.teach')}</span>
        <select value={lessonId} onChange={(e) => setLessonId(e.currentTarget.value)} data-testid="session-scope">
          {manifest.lessons.map((lesson) => (
            <option key={lesson.id} value={lesson.id}>
              {fmt.name(lesson.title)}
            </option>
          ))}
          <option value={WHOLE_COURSE}>{t('sessions.wholeCourse')}</option>
        </select>
      </label>
      <button type="button" class="button button-primary button-large" disabled={busy} onClick={() => void start()} data-testid="session-start-button">
        <Icon name="users" />
        {t('sessions.start')}
      </button>
      <ErrorText code={message?.key} params={message?.params} />
    </div>
  );
}
