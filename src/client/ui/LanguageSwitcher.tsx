import { useTranslation } from '../i18n/use-translation';
import { LANGUAGES, type Language } from '../../shared/domain/entities';
import { LANGUAGE_LABELS, setLanguage } from '../i18n';
import { Icon } from './Icon';

/** Three buttons, each language written in itself so anyone can find theirs. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <div class="language-switcher" role="group" aria-label={t('settings.language')}>
      <Icon name="globe" />
      {LANGUAGES.map((lang: Language) => (
        <button
          type="button"
          key={lang}
          lang={lang}
          class={i18n.language === lang ? 'chip chip-active' : 'chip'}
          aria-pressed={i18n.language === lang}
          data-testid={`language-${lang}`}
          onClick={() => void setLanguage(lang)}
        >
          {LANGUAGE_LABELS[lang]}
        </button>
      ))}
    </div>
  );
}
