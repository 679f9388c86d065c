import { useTranslation } from '../i18n/use-translation';
import { Icon } from '../ui/Icon';

/**
 * A screen failed to draw. What was saved is in the tablet's database and the
 * cart is kept for the session, so reloading the app is a safe way back.
 */
export function ScreenError() {
  const { t } = useTranslation();
  return (
    <section class="screen screen-error card" role="alert" data-testid="screen-error">
      <h1>
        <Icon name="warning" /> {t('common.screenError')}
      </h1>
      <p>{t('common.screenErrorHint')}</p>
      <button type="button" class="button button-primary button-large" onClick={() => window.location.reload()}>
        <Icon name="sync" />
        {t('common.reload')}
      </button>
    </section>
  );
}
