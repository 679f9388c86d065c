import i18next from 'i18next';
import { useTranslation } from '../../i18n/use-translation';
import en from './locales/en.json';
import ug from './locales/ug.json';
import zhCN from './locales/zh-CN.json';

/**
 * The county area's words are a namespace of their own, in this chunk: the
 * tablet's first screen never downloads them. All three languages come at
 * once (a few KB), so switching language here needs no further fetch.
 */
export const COUNTY_NS = 'county';

for (const [lang, bundle] of [['zh-CN', zhCN], ['en', en], ['ug', ug]] as const) {
  i18next.addResourceBundle(lang, COUNTY_NS, bundle, true, true);
}

export function useCountyTranslation() {
  return useTranslation(COUNTY_NS);
}
