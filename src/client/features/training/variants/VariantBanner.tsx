import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../../i18n/use-translation';
import { lessonHash, type LessonVariant } from '../../../../shared/training/lesson-variants';
import type { PackLesson } from '../../../../shared/packs/pack-manifest';
import { useMayRun } from '../../../auth/permissions';
import { Icon } from '../../../ui/Icon';
import { useFormat } from '../../../ui/format';

/**
 * Above the lesson player: whether this centre plays its own adaptation of
 * the lesson, a switch to the pack's original and back, the way to adapt
 * it, and a word when the pack's lesson changed since the adaptation.
 */
export function VariantBanner({
  packId,
  lesson,
  version,
  variant,
  original,
  onOriginal,
}: {
  packId: string;
  lesson: PackLesson;
  version: number;
  variant: LessonVariant | null;
  original: boolean;
  onOriginal: (original: boolean) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mayAdapt = useMayRun('training.variantSave');
  const changed = variant !== null && variant.baseHash !== lessonHash(lesson);
  const adapt = mayAdapt && (
    <Link to="/training/$packId/$lessonId/adapt" params={{ packId, lessonId: lesson.id }} className="button" data-testid="variant-adapt">
      <Icon name="edit" />
      {t(variant ? 'variants.editAdaptation' : 'variants.adapt')}
    </Link>
  );
  if (!variant) return adapt ? <div class="variant-banner variant-banner-plain">{adapt}</div> : null;
  return (
    <div class="variant-banner" data-testid="variant-banner">
      <p class="variant-banner-text" role="status">
        <Icon name="edit" />
        <span>
          {original ? t('variants.playingOriginal') : t('variants.playingAdapted', { when: fmt.date(variant.updatedAt) })}
        </span>
      </p>
      {changed && (
        <p class="notice variant-changed" role="status" data-testid="variant-original-changed">
          <Icon name="warning" /> {t('variants.originalChanged', { from: fmt.number(variant.baseVersion), to: fmt.number(version) })}
        </p>
      )}
      <div class="actions variant-banner-actions">
        <button type="button" class="button" aria-pressed={original} onClick={() => onOriginal(!original)} data-testid="variant-toggle-original">
          {original ? t('variants.showAdapted') : t('variants.showOriginal')}
        </button>
        {adapt}
      </div>
    </div>
  );
}
