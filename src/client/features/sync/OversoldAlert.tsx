import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useOversold } from '../../data/queries/stock';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';

/**
 * Two tablets sold the last unit while offline: both sales stand (S7) and
 * stock went below zero. Staff must count the shelf and record it.
 */
export function OversoldAlert() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const oversold = useOversold(fmt.lang);
  if (!oversold || oversold.length === 0) return null;
  const names = oversold.map((p) => `${fmt.name(p.names)} (${fmt.number(p.level)})`).join(t('common.listSeparator'));
  return (
    <div class="banner banner-danger" role="alert" data-testid="oversold-alert">
      <Icon name="warning" />
      <div class="banner-text">
        <strong>{t('oversold.title', { count: oversold.length, n: fmt.number(oversold.length) })}</strong>
        <span>{names}</span>
        <span>{t('oversold.whatToDo')}</span>
      </div>
      <Link to="/stock" search={{ filter: 'oversold' }} className="button button-small">
        {t('oversold.goToStock')}
      </Link>
    </div>
  );
}
