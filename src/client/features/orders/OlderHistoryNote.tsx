import { useTranslation } from '../../i18n/use-translation';
import { useHistoryOnServerBefore } from '../../data/queries/settings';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';

/**
 * Says that older closed orders and parcels live on the server only, when
 * this tablet has left some there (data/history-scope.ts); nothing otherwise.
 */
export function OlderHistoryNote() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const before = useHistoryOnServerBefore();
  if (!before) return null;
  return (
    <p class="muted history-note" data-testid="older-history-note">
      <Icon name="clock" size={18} /> {t('centreSettings.olderOnServer', { date: fmt.date(before) })}
    </p>
  );
}
