import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import { useRefusals } from '../../data/queries/refusals';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';

/** The server refused some changes: they are never dropped silently (S5). */
export function RefusalsNotice() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const refusals = useRefusals();
  if (!refusals || refusals.length === 0) return null;
  return (
    <div class="banner banner-warning" role="status" data-testid="refusals-notice">
      <Icon name="warning" />
      <span class="banner-text">{t('refusals.notice', { count: refusals.length, n: fmt.number(refusals.length) })}</span>
      <Link to="/refusals" className="button button-small">
        {t('refusals.view')}
      </Link>
    </div>
  );
}
