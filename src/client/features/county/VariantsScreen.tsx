import { Link } from '@tanstack/react-router';
import { COUNTY_VARIANT_API, type PackVariantsResponse } from '../../../shared/training/variant-api';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { LoadFailed } from './LoadFailed';
import { useCountyTranslation } from './i18n';
import { useCounty } from './session';
import { useLoad } from './useLoad';
import { VariantChangesText } from './VariantChangesText';
import './variants.css';

/**
 * The centres' own adaptations of a pack's lessons: which lesson, which
 * centre, who saved it and when, what changed. One opens beside the lesson
 * it adapts, where it can be promoted into the pack's next version.
 */
export function VariantsScreen({ packId }: { packId: string }) {
  const { t } = useCountyTranslation();
  const fmt = useFormat();
  const { request } = useCounty();
  const { loaded, reload } = useLoad(`variants:${packId}`, () => request<PackVariantsResponse>(COUNTY_VARIANT_API.ofPack(packId)));

  return (
    <section class="county-page">
      <Link to="/county/packs" className="button button-ghost county-back">
        <Icon name="back" class="flip-rtl" />
        {t('variants.backToPacks')}
      </Link>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'failed' && <LoadFailed error={loaded.error} onRetry={reload} />}
      {loaded.status === 'ready' && (
        <>
          <h1>{t('variants.title', { pack: fmt.name(loaded.data.title) })}</h1>
          <p class="lead">{t('variants.intro', { version: fmt.number(loaded.data.version) })}</p>
          {loaded.data.variants.length === 0 ? (
            <p class="empty" data-testid="county-variants-none">
              {t('variants.none')}
            </p>
          ) : (
            <div class="county-scroll" tabIndex={0} role="region" aria-label={t('variants.tableLabel')}>
              <table class="county-table" data-testid="county-variants">
                <thead>
                  <tr>
                    <th scope="col">{t('variants.lesson')}</th>
                    <th scope="col">{t('variants.centre')}</th>
                    <th scope="col">{t('variants.savedBy')}</th>
                    <th scope="col">{t('variants.changed')}</th>
                    <th scope="col">{t('variants.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.data.variants.map((s) => (
                    <tr key={`${s.centreId}/${s.lessonId}`} data-testid="county-variant-row">
                      <td>
                        <Link
                          to="/county/packs/$packId/variants/$centreId/$lessonId"
                          params={{ packId, centreId: s.centreId, lessonId: s.lessonId }}
                          data-testid="county-variant-link"
                        >
                          {s.lessonTitle ? fmt.name(s.lessonTitle) : s.lessonId}
                        </Link>
                      </td>
                      <td>{fmt.name(s.centreName)}</td>
                      <td>
                        <bdi>{s.staffName}</bdi>
                        <div class="muted">{fmt.dateTime(s.updatedAt)}</div>
                      </td>
                      <td>
                        <VariantChangesText changes={s.changes} />
                      </td>
                      <td>
                        {s.promotedVersion !== undefined ? (
                          <span class="badge badge-ok">{t('variants.promotedInto', { version: fmt.number(s.promotedVersion) })}</span>
                        ) : s.originalChanged ? (
                          <span class="badge badge-low">{t('variants.originalChanged')}</span>
                        ) : (
                          <span class="muted">{t('variants.basedOn', { version: fmt.number(s.baseVersion) })}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
