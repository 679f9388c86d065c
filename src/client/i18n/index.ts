import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/entities';
import { directionOf, saveLanguage, savedLanguage } from './languages';

export { LANGUAGE_LABELS } from './languages';

type Words = Record<string, unknown>;

/**
 * Each language's words are a chunk of their own, so a tablet fetches only
 * its language's: index.html's first script asks for that chunk with the
 * app's code (src/build/first-screen-preload.ts), and the import below finds
 * it loaded. Another language is fetched when chosen. The service worker
 * precaches every chunk, so each works offline.
 */
const WORDS: Record<Language, () => Promise<{ default: Words }>> = {
  'zh-CN': () => import('./locales/zh-CN.json'),
  en: () => import('./locales/en.json'),
  ug: () => import('./locales/ug.json'),
};

async function loadLocale(lang: Language): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  const bundle = await WORDS[lang]();
  i18next.addResourceBundle(lang, 'translation', bundle.default, true, true);
}

function applyToDocument(lang: Language): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

/**
 * Starts i18next in the remembered language (or zh-CN), with that language's
 * words only. Every language has every key (tests/component/locales.test.tsx),
 * so nothing falls back to another language's words.
 */
export async function initI18n(): Promise<typeof i18next> {
  const lang = savedLanguage();
  if (!i18next.isInitialized) {
    // No words yet: setLanguage below loads the language's, as it does for every switch.
    await i18next.use(initReactI18next).init({
      lng: lang,
      fallbackLng: false,
      resources: {},
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
