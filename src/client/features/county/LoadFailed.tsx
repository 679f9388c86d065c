import { Icon } from '../../ui/Icon';
import { messageOf } from './errors';
import { useCountyTranslation } from './i18n';

/** A page that could not load says why and offers to try again. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useCountyTranslation();
  const message = messageOf(error);
  return (
    <div class="banner banner-danger" role="alert">
      <Icon name="warning" />
      <span class="banner-text">{t(message.key, message.params ?? {})}</span>
      <button type="button" class="button button-small" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
