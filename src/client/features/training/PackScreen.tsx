import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'preact/hooks';
import { useTranslation } from '../../i18n/use-translation';
import { db } from '../../data/db';
import { toAppError } from '../../data/errors';
import { packDownloads } from '../../data/packs/pack-downloads';
import { usePack } from '../../data/packs/pack-queries';
import { deletePack } from '../../data/packs/pack-store';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { PackCover } from './PackCover';
import { SessionStartCard } from './sessions/SessionStartCard';

/** A pack's lessons, played from the tablet; and deleting the pack to free space. */
export function PackScreen({ packId }: { packId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const pack = usePack(packId);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (pack === undefined) return <Loading />;
  const manifest = pack?.ready?.manifest;

  const remove = async () => {
    try {
      await packDownloads.stop(packId);
      await deletePack(db, packId);
      void navigate({ to: '/training' });
    } catch (e) {
      setError(`errors.${toAppError(e).code}`);
    }
  };

  return (
    <section class="screen training" data-testid="training-pack">
      <Link to="/training" className="button button-ghost lesson-back" data-testid="pack-back">
        <Icon name="back" class="flip-rtl" />
        {t('training.allPacks')}
      </Link>
      {!manifest ? (
        <p class="notice" role="alert" data-testid="pack-not-ready">
          {t(pack ? 'training.notReady' : 'training.notFound')}
        </p>
      ) : (
        <>
          <div class="pack-hero">
            <PackCover manifest={manifest} />
            <div class="pack-hero-text">
              <h1>{fmt.name(manifest.course.title)}</h1>
              <p>{fmt.name(manifest.course.summary)}</p>
            </div>
          </div>
          {pack.removedOnServer && (
            <p class="notice" role="status" data-testid="pack-removed">
              {t('training.removed')}
            </p>
          )}
          <SessionStartCard manifest={manifest} packId={packId} />
          <h2>{t('training.lessons')}</h2>
          <ol class="list lesson-list">
            {manifest.lessons.map((lesson, i) => (
              <li key={lesson.id}>
                <Link
                  to="/training/$packId/$lessonId"
                  params={{ packId, lessonId: lesson.id }}
                  search={{ step: 1 }}
                  className="list-row lesson-row"
                  data-testid="lesson-row"
                >
                  <span class="lesson-number" aria-hidden="true">
                    {fmt.number(i + 1)}
                  </span>
                  <span class="list-row-main">
                    <strong>{fmt.name(lesson.title)}</strong>
                    <span class="muted">{t('training.lessonSteps', { count: lesson.steps.length })}</span>
                  </span>
                  <Icon name="back" class="flip-ltr" />
                </Link>
              </li>
            ))}
          </ol>
        </>
      )}
      {pack && (
        <div class="card pack-delete">
          {confirming ? (
            <>
              <p>{t('training.deleteConfirm')}</p>
              <div class="actions">
                <button type="button" class="button button-danger" onClick={() => void remove()} data-testid="pack-delete-confirm">
                  {t('training.deleteYes')}
                </button>
                <button type="button" class="button" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </>
          ) : (
            <button type="button" class="button" onClick={() => setConfirming(true)} data-testid="pack-delete">
              {t('training.delete')}
            </button>
          )}
          <ErrorText code={error} />
        </div>
      )}
    </section>
  );
}
