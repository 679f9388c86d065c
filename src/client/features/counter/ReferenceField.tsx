import { useTranslation } from '../../i18n/use-translation';
import { isPaymentReference, normalisePaymentReference } from '../../../shared/domain/payments';
import { ScanButton } from '../scan/ScanButton';

/**
 * A mobile payment's reference: typed, or scanned from the villager's screen
 * (a code not of `means`' shape is refused at the scanner).
 */
export function ReferenceField({ means, label, testId, scanTestId, value, invalid, onInput }: {
  means: 'wechat' | 'alipay';
  label: string;
  testId: string;
  scanTestId: string;
  value: string;
  invalid: boolean;
  onInput(value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label class="field">
        <span>{label}</span>
        <input
          data-testid={testId}
          inputMode="numeric"
          autoComplete="off"
          dir="ltr"
          value={value}
          aria-invalid={invalid}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <small class="muted">{t('payment.referenceHint')}</small>
      </label>
      <ScanButton
        purpose="payment"
        wide
        testId={scanTestId}
        onCode={(code) => {
          const reference = normalisePaymentReference(code);
          if (!isPaymentReference(means, reference)) return t('scan.notPaymentCode');
          onInput(reference);
          return null;
        }}
      />
    </>
  );
}
