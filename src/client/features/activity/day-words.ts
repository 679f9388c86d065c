import { useMemo } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { monthOf, weekdayOf } from './calendar';

export interface DayWords {
  /** "Monday, November 29, 2026", in the app's language. */
  day(day: string): string;
  /** "November 2026". */
  month(at: { year: number; month: number }): string;
  /** "Mo", the header of a calendar column; 0 is Sunday. */
  weekdayShort(weekday: number): string;
}

/**
 * Dates in the app's language from the app's own translations (the same
 * month names and order the rest of the app uses for Uyghur), never the
 * browser's: a date input would speak the tablet's system language, and
 * Chromium has no Uyghur at all.
 */
export function useDayWords(): DayWords {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const monthName = (month: number) => t(`time.date.months.${month}`);
    return {
      day(day) {
        const { year, month } = monthOf(day);
        const date = t('time.date.pattern', { day: Number(day.slice(8, 10)), month: monthName(month), year });
        return t('activity.dayLabel', { weekday: t(`activity.weekdays.long.${weekdayOf(day)}`), date });
      },
      month: ({ year, month }) => t('activity.monthYear', { month: monthName(month), year }),
      weekdayShort: (weekday) => t(`activity.weekdays.short.${weekday}`),
    };
  }, [t, i18n.language]);
}
