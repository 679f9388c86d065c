import { useMemo } from 'react';
import { useTranslation } from '../i18n/use-translation';
import type { Fen } from '../../shared/domain/money';
import { nameIn, type Language, type LocalizedName } from '../../shared/domain/entities';
import { DEFAULT_LANGUAGE, isLanguage } from '../i18n/languages';

export interface Formatters {
  lang: Language;
  money(fen: Fen): string;
  dateTime(iso: string): string;
  /** The day alone: 1 Dec 2026. */
  date(iso: string): string;
  time(iso: string): string;
  /** "3 minutes ago" from an ISO time, relative to `nowMs`. */
  relative(iso: string, nowMs: number): string;
  number(n: number): string;
  name(names: LocalizedName): string;
}

const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** Under this, a past time reads "just now" rather than "12 seconds ago". */
const JUST_NOW_SECONDS = 45;

type Translate = (key: string, options: Record<string, unknown>) => string;

/**
 * Browsers trim ICU data: Chromium has no Uyghur dates or relative times and
 * would silently answer in English. Those languages get dates and relative
 * times from our own translations instead.
 */
function intlSpeaks(lang: Language): boolean {
  return Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0 && Intl.RelativeTimeFormat.supportedLocalesOf([lang]).length > 0;
}

/**
 * Uyghur dates always come from our translations (month names, CLDR's order),
 * even where a browser has them: every tablet then shows the same words.
 */
const SPELLED_DATES: ReadonlySet<Language> = new Set<Language>(['ug']);

interface DateFormatters {
  dateTime(date: Date): string;
  date(date: Date): string;
  time(date: Date): string;
}

function intlDates(lang: Language): DateFormatters {
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const time = new Intl.DateTimeFormat(lang, { timeStyle: 'short' });
  return { dateTime: (d) => dateTime.format(d), date: (d) => day.format(d), time: (d) => time.format(d) };
}

function spelledDates(t: Translate): DateFormatters {
  // A 24-hour 09:25 reads the same in any script.
  const time = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
  const date = (d: Date) =>
    t('time.date.pattern', { day: d.getDate(), month: t(`time.date.months.${d.getMonth() + 1}`, {}), year: d.getFullYear() });
  return {
    dateTime: (d) => t('time.date.withTime', { date: date(d), time: time.format(d) }),
    date,
    time: (d) => time.format(d),
  };
}

function makeFormatters(lang: Language, t: Translate): Formatters {
  const native = intlSpeaks(lang);
  const dates = native && !SPELLED_DATES.has(lang) ? intlDates(lang) : spelledDates(t);
  const money = new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' });
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const number = new Intl.NumberFormat(lang);
  return {
    lang,
    money: (fen) => money.format(fen / 100),
    dateTime: (iso) => dates.dateTime(new Date(iso)),
    date: (iso) => dates.date(new Date(iso)),
    time: (iso) => dates.time(new Date(iso)),
    relative(iso, nowMs) {
      // A time a moment ahead (clocks, a render before the tick) is "just now" too.
      let amount = Math.min(0, (new Date(iso).getTime() - nowMs) / 1000);
      if (amount > -JUST_NOW_SECONDS) return t('time.justNow', {});
      for (const [unit, size] of RELATIVE_STEPS) {
        if (Math.abs(amount) < size) {
          const count = Math.round(Math.abs(amount));
          return native ? relative.format(-count, unit) : t(`time.ago.${unit}`, { count, n: number.format(count) });
        }
        amount /= size;
      }
      return dates.dateTime(new Date(iso));
    },
    number: (n) => number.format(n),
    name: (names) => nameIn(names, lang),
  };
}

/**
 * Formatters made once per language and i18next store: building the Intl
 * formatters costs more than the rows using them, and every row would
 * otherwise build its own. The translate function only serves spelled dates,
 * which look their words up when called, so the first one seen serves all.
 */
const made = new WeakMap<object, Map<Language, Formatters>>();

function formattersFor(lang: Language, t: Translate, store: object | undefined): Formatters {
  if (!store) return makeFormatters(lang, t);
  let byLang = made.get(store);
  if (!byLang) made.set(store, (byLang = new Map()));
  let fmt = byLang.get(lang);
  if (!fmt) byLang.set(lang, (fmt = makeFormatters(lang, t)));
  return fmt;
}

/** Formatters for the current language; they change when the language does. */
export function useFormat(): Formatters {
  const { t, i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const store = (i18n as { store?: object }).store;
  return useMemo(() => formattersFor(lang, t as Translate, store), [lang, t, store]);
}
