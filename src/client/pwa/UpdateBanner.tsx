import { useTranslation } from '../i18n/use-translation';
import { Icon } from '../ui/Icon';
import { useServiceWorkerUpdate } from './useServiceWorkerUpdate';

/** A quiet banner; the person chooses when to reload (never mid-sale by itself). */
export function UpdateBanner() {
  const { t } = useTranslation();
  const update = useServiceWorkerUpdate();
  if (!update.waiting) return null;
  return (
    <div class="banner banner-info" role="status" data-testid="update-banner">
      <Icon name="sync" />
      <span class="banner-text">{t('update.available')}</span>
      <button type="button" class="button button-small button-primary" data-testid="update-reload" onClick={update.apply}>
        {t('update.reload')}
      </button>
    </div>
  );
}
