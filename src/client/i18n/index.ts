import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/entities';
import zhCN from './locales/zh-CN.json';
import { DEFAULT_LANGUAGE, directionOf, saveLanguage, savedLanguage } from './languages';

export { LANGUAGE_LABELS } from './languages';

/**
 * zh-CN ships in the main bundle; the others are separate chunks, fetched on
 * first use. The service worker precaches every chunk, so they work offline.
 */
const LAZY_LOCALES: Record<Exclude<Language, 'zh-CN'>, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./locales/en.json'),
  ug: () => import('./locales/ug.json'),
};

async function loadLocale(lang: Language): Promise<void> {
  if (lang === 'zh-CN' || i18next.hasResourceBundle(lang, 'translation')) return;
  const bundle = await LAZY_LOCALES[lang]();
  i18next.addResourceBundle(lang, 'translation', bundle.default, true, true);
}

function applyToDocument(lang: Language): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

/** Starts i18next in the remembered language (or zh-CN). */
export async function initI18n(): Promise<typeof i18next> {
  const lang = savedLanguage();
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      resources: { [DEFAULT_LANGUAGE]: { translation: zhCN } },
      interpolation: { escapeValue: false }, // Preact escapes text already
      returnNull: false,
    });
  }
  await setLanguage(lang);
  return i18next;
}

/** Switches the whole app, remembers the choice and mirrors the page for RTL. */
export async function setLanguage(lang: Language): Promise<void> {
  await loadLocale(lang);
  await i18next.changeLanguage(lang);
  applyToDocument(lang);
  saveLanguage(lang);
}
