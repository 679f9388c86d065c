import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { SaleLine } from '../../../shared/domain/entities';
import { itemCount } from '../../../shared/domain/quantity';
import { commonUnitOf } from '../../../shared/domain/units';
import { useSales, useStaffList } from '../../data/queries';
import type { SalesSearch } from '../../routes/search';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { DayPicker } from '../activity/DayPicker';
import { RefundBadge } from '../refunds/RefundBadge';
import { useRefundTotalsOf } from '../refunds/refund-queries';
import { dayRange, localDayKey } from './day';

/** A sale line keeps its unit, not how the product was sold: a weighed unit, or a part of a unit, marks a weighed line. */
const weighedLine = (line: SaleLine) => !Number.isInteger(line.qty) || commonUnitOf(line.unit)?.soldBy === 'weight';

/** A day's sales (today unless picked), optionally one person's, with totals. */
export function SalesScreen({ search, onSearch }: { search: SalesSearch; onSearch(next: SalesSearch): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const today = localDayKey(new Date());
  const day = search.day ?? today;
  const range = useMemo(() => dayRange(day), [day]);
  const sales = useSales({ ...range, staffId: search.staff });
  const staff = useStaffList();
  // Voided and refunded sales are marked, so the day's list says which sales were taken back.
  const refunded = useRefundTotalsOf((sales ?? []).map((s) => s.id));
  const names = new Map((staff ?? []).map((s) => [s.id, s.name]));
  const totalFen = (sales ?? []).reduce((sum, s) => sum + s.totalFen, 0);

  function update(next: SalesSearch) {
    const merged: SalesSearch = { ...search, ...next };
    const clean: SalesSearch = {};
    if (merged.day && merged.day !== today) clean.day = merged.day;
    if (merged.staff) clean.staff = merged.staff;
    onSearch(clean);
  }

  return (
    <section class="screen">
      <h1>{t('sales.title')}</h1>
      <div class="filters">
        {/* The app's own picker: a browser's date input speaks the browser's language, not the app's. */}
        <div class="field sales-day" role="group" aria-labelledby="sales-day-label" data-testid="sales-day" data-day={day}>
          <span id="sales-day-label">{t('sales.day')}</span>
          <DayPicker value={day} max={today} onChange={(next) => update({ day: next })} />
        </div>
        {day !== today && (
          <button type="button" class="chip" onClick={() => update({ day: today })}>
            {t('sales.today')}
          </button>
        )}
        <label class="field field-inline">
          <span>{t('sales.staff')}</span>
          <select data-testid="sales-staff" value={search.staff ?? ''} onChange={(e) => update({ staff: e.currentTarget.value })}>
            <option value="">{t('sales.everyone')}</option>
            {(staff ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="summary card" data-testid="sales-summary">
        <div>
          <span class="muted">{t('sales.count')}</span>
          <strong data-testid="sales-count">{fmt.number(sales?.length ?? 0)}</strong>
        </div>
        <div>
          <span class="muted">{t('sales.sum')}</span>
          <strong data-testid="sales-sum">{fmt.money(totalFen)}</strong>
        </div>
      </div>
      {sales === undefined ? (
        <Loading />
      ) : sales.length === 0 ? (
        <p class="empty">{t('sales.none')}</p>
      ) : (
        <ul class="list" data-testid="sales-list">
          {sales.map((sale) => {
            const items = itemCount(sale.lines, weighedLine);
            return (
              <li key={sale.id}>
                <Link to="/sales/$saleId" params={{ saleId: sale.id }} className="list-row" data-testid="sale-row">
                  <span class="list-row-main">
                    <strong>
                      <bdi dir="ltr">{sale.receiptNo}</bdi>
                    </strong>
                    <span class="muted">
                      {fmt.time(sale.createdAt)} · <bdi>{names.get(sale.createdBy) ?? ''}</bdi> ·{' '}
                      {t('sales.items', { count: items, n: fmt.number(items) })}
                    </span>
                  </span>
                  <RefundBadge totals={refunded?.get(sale.id)} />
                  <strong class="amount">{fmt.money(sale.totalFen)}</strong>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
