import './sessions.css';
import { useTranslation } from '../../../i18n/use-translation';
import { useFormat } from '../../../ui/format';
import { useVillagerProgress } from './session-data';

/** On a villager's page: the lessons they took part in, which they completed, and their quiz scores. */
export function VillagerTrainingCard({ villagerId }: { villagerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const progress = useVillagerProgress(villagerId);
  const completed = progress?.filter((p) => p.completedAt !== null).length ?? 0;
  return (
    <div class="card" data-testid="villager-training">
      <h2>{t('sessions.villagerTitle')}</h2>
      {progress === undefined ? null : progress.length === 0 ? (
        <p class="muted">{t('sessions.villagerNone')}</p>
      ) : (
        <>
          <p class="muted" data-testid="villager-training-summary">
            {t('sessions.villagerSummary', { count: completed, n: fmt.number(completed) })}
          </p>
          <ul class="list">
            {progress.map((p) => (
              <li key={`${p.packId}-${p.lessonId}`} class="list-row villager-lesson" data-testid="villager-lesson">
                <span class="list-row-main">
                  <strong>{fmt.name(p.title)}</strong>
                  <span class="muted">{fmt.name(p.courseTitle)}</span>
                </span>
                <span class="villager-lesson-facts">
                  {p.questions > 0 && (
                    <span class="badge badge-ok" data-testid="villager-lesson-score">
                      {t('sessions.scoreOf', { right: fmt.number(p.correct), total: fmt.number(p.questions) })}
                    </span>
                  )}
                  {p.completedAt ? (
                    <span class="muted">{t('sessions.completedOn', { date: fmt.date(p.completedAt) })}</span>
                  ) : (
                    <span class="badge badge-low">{t('sessions.inProgress')}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
