import { useCountyTranslation } from './i18n';

/** Six digits, typed on a keyboard or a tablet's number pad; only digits are kept. */
export function PinField({ value, onChange, testId }: { value: string; onChange: (pin: string) => void; testId: string }) {
  const { t } = useCountyTranslation();
  return (
    <label class="field">
      <span>{t('pin.label')}</span>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        pattern="[0-9]*"
        maxLength={6}
        dir="ltr"
        data-testid={testId}
        value={value}
        onInput={(e) => {
          const digits = e.currentTarget.value.replace(/\D/g, '').slice(0, 6);
          // A letter typed leaves the state unchanged, so nothing re-renders: drop it here.
          e.currentTarget.value = digits;
          onChange(digits);
        }}
      />
      <small>{t('pin.hint')}</small>
    </label>
  );
}
