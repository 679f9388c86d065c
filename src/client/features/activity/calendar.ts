import { dayRange, localDayKey } from '../sales/day';

/** Local calendar arithmetic on YYYY-MM-DD keys (the tablet's time zone). */

export function addDays(day: string, n: number): string {
  const { from } = dayRange(day);
  return localDayKey(new Date(from.getFullYear(), from.getMonth(), from.getDate() + n));
}

/** Year and month (1–12) of a day key. */
export function monthOf(day: string): { year: number; month: number } {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return { year, month };
}

export function addMonths(at: { year: number; month: number }, n: number): { year: number; month: number } {
  const d = new Date(at.year, at.month - 1 + n, 1);
  return { year: d.getFullYear(), month: d.getMonth() + 1 };
}

/**
 * The cells of a month view, weeks starting on Monday as calendars in China
 * do: null for the blanks before the first day, then each day's key.
 */
export function monthCells(at: { year: number; month: number }): (string | null)[] {
  const first = new Date(at.year, at.month - 1, 1);
  const blanks = (first.getDay() + 6) % 7;
  const days = new Date(at.year, at.month, 0).getDate();
  const cells: (string | null)[] = Array.from({ length: blanks }, () => null);
  for (let d = 1; d <= days; d++) cells.push(localDayKey(new Date(at.year, at.month - 1, d)));
  return cells;
}

/** 0 for Sunday … 6 for Saturday, as Date counts them. */
export function weekdayOf(day: string): number {
  return dayRange(day).from.getDay();
}

/** Monday first: the weekday numbers of a calendar's header row. */
export const WEEK_ORDER: readonly number[] = [1, 2, 3, 4, 5, 6, 0];
