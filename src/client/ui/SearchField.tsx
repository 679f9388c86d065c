import { useTranslation } from '../i18n/use-translation';
import { Icon } from './Icon';

/** A large search box that filters as you type, with a clear button. */
export function SearchField({ value, onChange, label, testId }: {
  value: string;
  onChange(value: string): void;
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div class="search-field">
      <Icon name="search" />
      <input
        type="search"
        data-testid={testId}
        aria-label={label}
        placeholder={label}
        value={value}
        autoComplete="off"
        onInput={(e) => onChange(e.currentTarget.value)}
      />
      {value && (
        <button type="button" class="icon-button" aria-label={t('common.clear')} onClick={() => onChange('')}>
          <Icon name="close" />
        </button>
      )}
    </div>
  );
}
