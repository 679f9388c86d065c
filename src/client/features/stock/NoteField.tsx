import { useTranslation } from '../../i18n/use-translation';
import { NOTE_MAX_LENGTH } from '../../../shared/mutations/fields';

/** The optional note of a stock movement: supplier, delivery, what happened. */
export function NoteField({ value, onChange, testId }: { value: string; onChange(value: string): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <label class="field">
      <span>{t('stock.note')}</span>
      <input data-testid={testId} value={value} maxLength={NOTE_MAX_LENGTH} dir="auto" onInput={(e) => onChange(e.currentTarget.value)} />
    </label>
  );
}
