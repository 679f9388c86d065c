import { LANGUAGES, type Language } from '../../shared/domain/entities';
import { DEFAULT_LANGUAGE } from '../../shared/domain/default-language';
import { LANGUAGE_STORAGE_KEY } from '../../shared/first-screen/first-screen-preload';

export { DEFAULT_LANGUAGE };

/** How each language names itself in the switcher. */
export const LANGUAGE_LABELS: Record<Language, string> = {
  'zh-CN': '中文',
  en: 'English',
  ug: 'ئۇيغۇرچە',
};

const RTL: ReadonlySet<Language> = new Set<Language>(['ug']);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(lang: Language): 'rtl' | 'ltr' {
  return RTL.has(lang) ? 'rtl' : 'ltr';
}

export function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(saved) ? saved : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be blocked (private mode); the default language still works.
    return DEFAULT_LANGUAGE;
  }
}

export function saveLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Not remembered this time; nothing else depends on it.
  }
}
