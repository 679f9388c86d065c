import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fen } from '../../shared/domain/money';
import type { Language, LocalizedName } from '../../shared/domain/entities';
import { isLanguage } from '../i18n/languages';

const ORDER: readonly Language[] = ['zh-CN', 'en', 'ug'];

/** A product or centre name in the screen's language, else any name it has. */
export function pickName(names: LocalizedName, lang: Language): string {
  const own = names[lang];
  if (own) return own;
  for (const other of ORDER) {
    const name = names[other];
    if (name) return name;
  }
  return '';
}

export interface Formatters {
  lang: Language;
  money(fen: Fen): string;
  dateTime(iso: string): string;
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

export function makeFormatters(lang: Language): Formatters {
  const money = new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' });
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const time = new Intl.DateTimeFormat(lang, { timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const number = new Intl.NumberFormat(lang);
  return {
    lang,
    money: (fen) => money.format(fen / 100),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
    relative(iso, nowMs) {
      let amount = (new Date(iso).getTime() - nowMs) / 1000;
      for (const [unit, size] of RELATIVE_STEPS) {
        if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
        amount /= size;
      }
      return dateTime.format(new Date(iso));
    },
    number: (n) => number.format(n),
    name: (names) => pickName(names, lang),
  };
}

/** Formatters for the current language; they change when the language does. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  return useMemo(() => makeFormatters(lang), [lang]);
}
