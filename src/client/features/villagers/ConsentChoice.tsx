import { useTranslation } from '../../i18n/use-translation';

/** Whether the villager agreed that the centre keeps their details: two large choices, each saying what it means. */
export function ConsentChoice({ value, onChange }: { value: boolean; onChange(consent: boolean): void }) {
  const { t } = useTranslation();
  const choice = (consent: boolean, key: 'with' | 'without') => (
    <label class={value === consent ? 'segment segment-active' : 'segment'}>
      <input
        type="radio"
        name="consent"
        value={key}
        data-testid={`villager-consent-${key === 'with' ? 'yes' : 'no'}`}
        checked={value === consent}
        onChange={() => onChange(consent)}
      />
      <span class="role-choice-text">
        <strong>{t(`villagers.consent.${key}`)}</strong>
        <small>{t(`villagers.consent.${key}Help`)}</small>
      </span>
    </label>
  );
  return (
    <fieldset>
      <legend>{t('villagers.consent.legend')}</legend>
      <div class="segmented role-choice">
        {choice(true, 'with')}
        {choice(false, 'without')}
      </div>
    </fieldset>
  );
}
