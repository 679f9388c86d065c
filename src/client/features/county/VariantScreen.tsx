import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { playedSteps, stepIdOf, textIn } from '../../../shared/training/lesson-variants';
import { COUNTY_VARIANT_API, type VariantDetailResponse, type VariantPromotedResponse } from '../../../shared/training/variant-api';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { packFailureOf, type PackFailure } from './errors';
import { LoadFailed } from './LoadFailed';
import { useCountyTranslation } from './i18n';
import { useCounty } from './session';
import { useLoad } from './useLoad';
import { VariantChangesText } from './VariantChangesText';
import './variants.css';

/**
 * One centre's variant of a lesson, step by step as the centre plays it,
 * with the pack's words beside rewritten ones; and its promotion, which
 * makes it the lesson of the pack's next version for every centre.
 */
export function VariantScreen({ packId, centreId, lessonId }: { packId: string; centreId: string; lessonId: string }) {
  const { t } = useCountyTranslation();
  const fmt = useFormat();
  const { request } = useCounty();
  const { loaded, reload } = useLoad(`variant:${packId}/${centreId}/${lessonId}`, () =>
    request<VariantDetailResponse>(COUNTY_VARIANT_API.one(packId, centreId, lessonId)),
  );
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VariantPromotedResponse | null>(null);
  const [failure, setFailure] = useState<PackFailure | null>(null);

  async function promote() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      setResult(await request<VariantPromotedResponse>(COUNTY_VARIANT_API.promote(packId, centreId, lessonId), { method: 'POST', body: {} }));
      setConfirming(false);
      reload();
    } catch (error) {
      setFailure(packFailureOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="county-page">
      <Link to="/county/packs/$packId/variants" params={{ packId }} className="button button-ghost county-back">
        <Icon name="back" class="flip-rtl" />
        {t('variants.backToList')}
      </Link>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'failed' && <LoadFailed error={loaded.error} onRetry={reload} />}
      {loaded.status === 'ready' && (() => {
        const { summary, variant, lesson, version } = loaded.data;
        const steps = lesson ? playedSteps(lesson, variant, true) : [];
        const hidden = new Set(variant.hidden);
        return (
          <>
            <h1>{summary.lessonTitle ? fmt.name(summary.lessonTitle) : lessonId}</h1>
            <dl class="facts card" data-testid="county-variant-facts">
              <dt>{t('variants.centre')}</dt>
              <dd>{fmt.name(summary.centreName)}</dd>
              <dt>{t('variants.savedBy')}</dt>
              <dd>
                <bdi>{summary.staffName}</bdi> · {fmt.dateTime(summary.updatedAt)}
              </dd>
              <dt>{t('variants.changed')}</dt>
              <dd>
                <VariantChangesText changes={summary.changes} />
              </dd>
              <dt>{t('variants.state')}</dt>
              <dd>{t('variants.basedOn', { version: fmt.number(summary.baseVersion) })}</dd>
            </dl>
            {summary.originalChanged && (
              <p class="notice" role="status" data-testid="county-variant-original-changed">
                <Icon name="warning" /> {t('variants.originalChangedLong', { version: fmt.number(version) })}
              </p>
            )}
            {!lesson ? (
              <p class="notice" role="alert">
                {t('variants.lessonGone', { version: fmt.number(version) })}
              </p>
            ) : (
              <ol class="county-variant-steps">
                {steps.map((played, i) => {
                  const id = stepIdOf(played);
                  const question = played.source === 'pack' ? played.step.quiz?.question : undefined;
                  const words = played.source === 'pack' ? textIn(played.text ?? question, fmt.lang) : textIn(played.photo.text, fmt.lang);
                  const originalWords = played.source === 'pack' && played.edited ? textIn(played.step.text, fmt.lang) : undefined;
                  return (
                    <li key={id} class={hidden.has(id) ? 'card county-variant-step county-variant-step-hidden' : 'card county-variant-step'} data-testid="county-variant-step">
                      <div class="county-variant-step-head">
                        <strong>{t('variants.stepN', { n: fmt.number(i + 1) })}</strong>
                        {played.source === 'pack' && <span class="muted">{t(`variants.kind.${played.step.kind}`)}</span>}
                        {played.source === 'photo' && <span class="badge badge-ok">{t('variants.addedPhoto')}</span>}
                        {played.source === 'pack' && played.edited && <span class="badge badge-ok">{t('variants.rewritten')}</span>}
                        {hidden.has(id) && <span class="badge badge-out">{t('variants.hidden')}</span>}
                      </div>
                      {played.source === 'photo' && (
                        <img
                          class="county-variant-photo"
                          src={COUNTY_VARIANT_API.photo(packId, centreId, lessonId, played.photo.sha256)}
                          alt={words ?? t('variants.addedPhoto')}
                          data-testid="county-variant-photo"
                        />
                      )}
                      {words && <p class="county-variant-words">{words}</p>}
                      {originalWords && (
                        <p class="muted">
                          {t('variants.packWords')} {originalWords}
                        </p>
                      )}
                    </li>
                  );
                })}
              </ol>
            )}
            {lesson && (
              <div class="card">
                <h2>{t('variants.promoteTitle')}</h2>
                <p>{t('variants.promoteIntro', { version: fmt.number(version + 1) })}</p>
                {confirming ? (
                  <div class="county-actions">
                    <button type="button" class="button button-primary" disabled={busy} onClick={() => void promote()} data-testid="county-variant-promote-confirm">
                      <Icon name="sync" class={busy ? 'spin' : undefined} />
                      {busy ? t('variants.promoting') : t('variants.promoteYes', { version: fmt.number(version + 1) })}
                    </button>
                    <button type="button" class="button" disabled={busy} onClick={() => setConfirming(false)}>
                      {t('cancel')}
                    </button>
                  </div>
                ) : (
                  <div class="county-actions">
                    <button type="button" class="button button-primary" onClick={() => setConfirming(true)} data-testid="county-variant-promote">
                      {t('variants.promote')}
                    </button>
                  </div>
                )}
                {failure && (
                  <div class="error-text" role="alert" data-testid="county-variant-refused">
                    <p>{t(failure.message.key, failure.message.params ?? {})}</p>
                    {failure.detail && (
                      <p class="muted">
                        <bdi dir="ltr">{failure.detail}</bdi>
                      </p>
                    )}
                  </div>
                )}
              </div>
            )}
            {result && (
              <div class="card" role="status" data-testid="county-variant-promoted">
                <h2>
                  {result.promoted
                    ? t('variants.promotedNow', { version: fmt.number(result.version) })
                    : t('variants.promotedBefore', { version: fmt.number(result.version) })}
                </h2>
              </div>
            )}
          </>
        );
      })()}
    </section>
  );
}
