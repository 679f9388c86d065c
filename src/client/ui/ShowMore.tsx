import { useTranslation } from '../i18n/use-translation';
import { useFormat } from './format';

/** The button under a list cut at `shown` of `total` rows, saying how many are left; none once all are shown. */
export function ShowMore({ total, shown, onMore, testId }: { total: number; shown: number; onMore: () => void; testId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (shown >= total) return null;
  return (
    <div class="actions">
      <button type="button" class="button" data-testid={testId} onClick={onMore}>
        {t('common.showMore', { n: fmt.number(total - shown) })}
      </button>
    </div>
  );
}
