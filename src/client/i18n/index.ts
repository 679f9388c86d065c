import i18next from 'i18next';
import type { Language } from '../../shared/domain/entities';
import { DEFAULT_LANGUAGE, directionOf, isLanguage, saveLanguage, savedLanguage } from './languages';
import { watchWords } from './use-translation';

export { LANGUAGE_LABELS } from './languages';

type Words = Record<string, unknown>;
type Part = 'first' | 'rest';

/**
 * Each language's words are two chunks of their own (src/build/first-screen-words.ts):
 * the words the first screens use, and the rest. A tablet fetches only its
 * language's: index.html's first script asks for the first part with the
 * app's code (src/build/first-screen-preload.ts), and the import below finds
 * it loaded; the rest is fetched once the first screen is drawn, and every
 * other screen waits for it (`withAllWords`). Another language is fetched
 * whole when chosen. The service worker precaches every chunk, so each works
 * offline.
 */
const WORDS: Record<Language, Record<Part, () => Promise<{ default: Words }>>> = {
  'zh-CN': { first: () => import('virtual:words/zh-CN/first'), rest: () => import('virtual:words/zh-CN/rest') },
  en: { first: () => import('virtual:words/en/first'), rest: () => import('virtual:words/en/rest') },
  ug: { first: () => import('virtual:words/ug/first'), rest: () => import('virtual:words/ug/rest') },
};

const parts = new Map<string, Promise<void>>();

/** Adds a part of a language's words, once; a part that failed to load is asked for again next time. */
function loadPart(lang: Language, part: Part): Promise<void> {
  const key = `${lang}/${part}`;
  let loading = parts.get(key);
  if (!loading) {
    loading = WORDS[lang][part]().then((bundle) => {
      i18next.addResourceBundle(lang, 'translation', bundle.default, true, true);
    });
    loading.catch(() => parts.delete(key));
    parts.set(key, loading);
  }
  return loading;
}

/** The languages whose rest of the words has been added. */
const whole = new Set<string>();

function loadRest(lang: Language): Promise<void> {
  return loadPart(lang, 'rest').then(() => {
    whole.add(lang);
  });
}

/** The language the app shows, outside a component (where `useFormat().lang` says it). */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

/** Every word of the current language: the first screens' part is there already, this adds the rest. */
export function loadAllWords(): Promise<void> {
  return loadRest(currentLanguage());
}

/** A screen's module once every word of the language is there too: the words of other screens come after the first. */
export function withAllWords<T>(module: Promise<T>): Promise<T> {
  return Promise.all([module, loadAllWords()]).then(([loaded]) => loaded);
}

function applyToDocument(lang: Language): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

/**
 * Starts i18next in the remembered language (or zh-CN), with the words of
 * the first screens only (main.tsx adds the rest once they are drawn).
 * Every language has every key (tests/component/locales.test.tsx), so
 * nothing falls back to another language's words.
 */
export async function initI18n(): Promise<typeof i18next> {
  const lang = savedLanguage();
  if (!i18next.isInitialized) {
    // No words yet: the language's first part is loaded below.
    await i18next.init({
      lng: lang,
      fallbackLng: false,
      resources: {},
      interpolation: { escapeValue: false }, // Preact escapes text already
      returnNull: false,
      // A word of another screen asked for before the rest of the words came (a lazy part of the first
      // screen) shows as nothing, not as its key, and the component draws again once they are added.
      parseMissingKeyHandler: (key: string) => (whole.has(i18next.language) ? key : ''),
    });
    watchWords();
  }
  await loadPart(lang, 'first');
  await show(lang);
  return i18next;
}

/** Switches the whole app to a language, with all its words; remembers the choice. */
export async function setLanguage(lang: Language): Promise<void> {
  await Promise.all([loadPart(lang, 'first'), loadRest(lang)]);
  await show(lang);
}

/** Shows `lang`, mirrors the page for RTL and remembers it. */
async function show(lang: Language): Promise<void> {
  await i18next.changeLanguage(lang);
  applyToDocument(lang);
  saveLanguage(lang);
}
