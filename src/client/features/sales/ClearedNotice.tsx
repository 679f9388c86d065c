import { useTranslation } from '../../i18n/use-translation';
import { Icon } from '../../ui/Icon';

/** Said after "clear cart": one tap brings the lines back, so a slip costs nothing. */
export function ClearedNotice({ onUndo }: { onUndo(): void }) {
  const { t } = useTranslation();
  return (
    <p class="notice cart-cleared" role="status" data-testid="cart-cleared">
      <span>{t('sell.cleared')}</span>
      <button type="button" class="button button-small" data-testid="undo-clear" onClick={onUndo}>
        <Icon name="back" class="flip-rtl" />
        {t('sell.undo')}
      </button>
    </p>
  );
}
