import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Icon } from '../../ui/Icon';
import { addDays, addMonths, monthCells, monthOf, WEEK_ORDER } from './calendar';
import { useDayWords } from './day-words';

/**
 * A day, in the app's language: step a day back or forward with the big
 * arrows, or open a month to tap one. Days after `max` (today) cannot be picked.
 */
export function DayPicker({ value, max, onChange }: { value: string; max: string; onChange(day: string): void }) {
  const { t } = useTranslation();
  const words = useDayWords();
  const [open, setOpen] = useState(false);

  return (
    <div class="day-picker">
      <div class="day-picker-bar">
        <button type="button" class="icon-button" aria-label={t('activity.previousDay')} data-testid="day-previous" onClick={() => onChange(addDays(value, -1))}>
          <Icon name="back" class="flip-rtl" />
        </button>
        <button
          type="button"
          class="button day-picker-label"
          aria-expanded={open}
          data-testid="activity-day"
          data-day={value}
          onClick={() => setOpen((o) => !o)}
        >
          {words.day(value)}
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label={t('activity.nextDay')}
          data-testid="day-next"
          disabled={value >= max}
          onClick={() => onChange(addDays(value, 1))}
        >
          <Icon name="back" class="flip-ltr" />
        </button>
      </div>
      {open && (
        <MonthGrid
          value={value}
          max={max}
          onPick={(day) => {
            setOpen(false);
            onChange(day);
          }}
        />
      )}
    </div>
  );
}

function MonthGrid({ value, max, onPick }: { value: string; max: string; onPick(day: string): void }) {
  const { t } = useTranslation();
  const words = useDayWords();
  const [shown, setShown] = useState(() => monthOf(value));
  const latest = monthOf(max);
  const atLatest = shown.year > latest.year || (shown.year === latest.year && shown.month >= latest.month);

  return (
    <div class="month-grid card" data-testid="month-grid">
      <div class="month-grid-head">
        <button type="button" class="icon-button" aria-label={t('activity.previousMonth')} onClick={() => setShown((m) => addMonths(m, -1))}>
          <Icon name="back" class="flip-rtl" />
        </button>
        <strong id="month-grid-title" data-testid="month-grid-title">
          {words.month(shown)}
        </strong>
        <button
          type="button"
          class="icon-button"
          aria-label={t('activity.nextMonth')}
          disabled={atLatest}
          onClick={() => setShown((m) => addMonths(m, 1))}
        >
          <Icon name="back" class="flip-ltr" />
        </button>
      </div>
      {/* Each day's button says its weekday in full: the short heads are for the eye only. */}
      <div class="month-grid-days" role="group" aria-labelledby="month-grid-title">
        {WEEK_ORDER.map((weekday) => (
          <span key={`w${weekday}`} class="month-grid-weekday" aria-hidden="true">
            {words.weekdayShort(weekday)}
          </span>
        ))}
        {monthCells(shown).map((day, i) =>
          day === null ? (
            <span key={`b${i}`} />
          ) : (
            <button
              type="button"
              key={day}
              class={day === value ? 'month-grid-day month-grid-day-chosen' : day === max ? 'month-grid-day month-grid-day-today' : 'month-grid-day'}
              aria-label={words.day(day)}
              aria-pressed={day === value}
              data-day={day}
              disabled={day > max}
              onClick={() => onPick(day)}
            >
              {Number(day.slice(8, 10))}
            </button>
          ),
        )}
      </div>
    </div>
  );
}
