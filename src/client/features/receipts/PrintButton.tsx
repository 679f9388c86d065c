import { useTranslation } from '../../i18n/use-translation';
import { Icon } from '../../ui/Icon';

/** The browser's own print, of the screen's print area only (receipts.css), on 58 mm paper. */
export function PrintButton({ testId = 'receipt-print', primary = true }: { testId?: string; primary?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" class={primary ? 'button button-primary button-large' : 'button button-large'} data-testid={testId} onClick={() => window.print()}>
      <Icon name="receipt" />
      {t('receipts.print')}
    </button>
  );
}
