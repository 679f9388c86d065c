import { useMemo } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Staff } from '../../../shared/domain/entities';
import { useActivity } from '../../data/queries/activity';
import { useCentreStaff } from '../../data/queries/staff-admin';
import type { ActivitySearch } from '../../routes/activity-search';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { dayRange, localDayKey } from '../sales/day';
import { RoleBadge } from '../staff/RoleBadge';
import { activityByDay, type ActivityDay } from './activity-days';
import { addDays } from './calendar';
import { DayPicker } from './DayPicker';
import { useDayWords } from './day-words';
import { FlaggedSales } from './FlaggedSales';
import { TallyParts } from './TallyParts';
import { tabletLabel } from './tablet-label';
import { tabletNameOf, tabletNames, type TabletName } from './tablet-names';

const dayOf = (iso: string) => localDayKey(new Date(iso));

/** Who did what on which tablet, day by day, with flagged sales on top. */
export function ActivityScreen({ search, onSearch }: { search: ActivitySearch; onSearch(next: ActivitySearch): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const today = localDayKey(new Date());
  const day = search.day ?? today;
  const week = search.span === 'week';
  const range = useMemo(() => ({ from: dayRange(week ? addDays(day, -6) : day).from, to: dayRange(day).to }), [day, week]);
  const rows = useActivity({ ...range, staffId: search.staff });
  const staffList = useCentreStaff(fmt.lang);
  const staff = useMemo(() => new Map((staffList ?? []).map((s) => [s.id, s])), [staffList]);
  const tablets = useMemo(() => tabletNames(rows?.sales ?? [], rows?.ownTablet), [rows]);
  const days = useMemo(() => {
    if (!rows || !staffList) return undefined;
    const order = new Map(staffList.map((s, i) => [s.id, i]));
    return activityByDay(rows.facts, dayOf, (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }, [rows, staffList]);

  function update(next: { day?: string; staff?: string; span?: 'day' | 'week' }) {
    const merged = { ...search, ...next };
    const clean: ActivitySearch = {};
    if (merged.day && merged.day !== today) clean.day = merged.day;
    if (merged.staff) clean.staff = merged.staff;
    if (merged.span === 'week') clean.span = 'week';
    onSearch(clean);
  }

  return (
    <section class="screen activity">
      <h1>{t('activity.title')}</h1>
      <FlaggedSales staff={staff} tablets={tablets} />
      <div class="filters activity-filters">
        <DayPicker value={day} max={today} onChange={(next) => update({ day: next })} />
        <div class="segmented" role="group" aria-label={t('activity.span')}>
          <button type="button" class={week ? 'chip' : 'chip chip-active'} aria-pressed={!week} data-testid="span-day" onClick={() => update({ span: 'day' })}>
            {t('activity.oneDay')}
          </button>
          <button type="button" class={week ? 'chip chip-active' : 'chip'} aria-pressed={week} data-testid="span-week" onClick={() => update({ span: 'week' })}>
            {t('activity.sevenDays')}
          </button>
          {day !== today && (
            <button type="button" class="chip" data-testid="activity-today" onClick={() => update({ day: today })}>
              {t('sales.today')}
            </button>
          )}
        </div>
        <label class="field field-inline">
          <span>{t('sales.staff')}</span>
          <select data-testid="activity-staff" value={search.staff ?? ''} onChange={(e) => update({ staff: e.currentTarget.value })}>
            <option value="">{t('sales.everyone')}</option>
            {(staffList ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.active ? s.name : t('activity.inactiveName', { name: s.name })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {days === undefined ? (
        <Loading />
      ) : days.length === 0 ? (
        <p class="empty" data-testid="activity-none">
          {week ? t('activity.noneWeek') : t('activity.noneDay')}
        </p>
      ) : (
        <div data-testid="activity-days">
          {days.map((d) => (
            <DayCard key={d.day} day={d} staff={staff} tablets={tablets} />
          ))}
        </div>
      )}
    </section>
  );
}

function DayCard({ day, staff, tablets }: { day: ActivityDay; staff: ReadonlyMap<string, Staff>; tablets: ReadonlyMap<string, TabletName> }) {
  const { t } = useTranslation();
  const words = useDayWords();
  return (
    <div class="card activity-day" data-testid="activity-day-card" data-day={day.day}>
      <h2>{words.day(day.day)}</h2>
      <ul class="list">
        {day.people.map((p) => {
          const person = staff.get(p.staffId);
          return (
            <li key={p.staffId} class="activity-person" data-testid="activity-person" data-staff={p.staffId}>
              <div class="row-between">
                <strong>
                  <bdi>{person?.name ?? t('activity.someone')}</bdi>
                </strong>
                {person && <RoleBadge role={person.role} active={person.active} />}
              </div>
              <TallyParts tally={p.total} testId="activity-person-total" />
              {(p.tablets.length > 1 || p.tablets[0]?.deviceId !== null) && (
                <ul class="activity-tablets">
                  {p.tablets.map((tablet) => (
                    <li key={tablet.deviceId ?? ''} data-testid="activity-tablet">
                      <span class="muted">{tabletLabel(t, tablet.deviceId === null ? null : tabletNameOf(tablets, tablet.deviceId))}: </span>
                      <TallyParts tally={tablet} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
