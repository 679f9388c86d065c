import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { unitNamesOf } from '../../../shared/domain/units';
import { stockState } from '../../../shared/domain/stock';
import { useProducts } from '../../data/queries';
import type { StockFilter, StockSearch } from '../../routes/search';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { SearchField } from '../../ui/SearchField';
import { StockBadge } from '../../ui/StockBadge';
import { useFormat } from '../../ui/format';

const FILTERS: readonly (StockFilter | null)[] = [null, 'low', 'oversold'];

/** Stock level of every product, with a filter for what is low or oversold. */
export function StockScreen({ filter, onFilter }: { filter: StockFilter | null; onFilter(next: StockSearch): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const products = useProducts(search, fmt.lang);
  const shown = (products ?? []).filter((p) => {
    if (filter === null) return true;
    const state = stockState(p.level, p);
    return filter === 'oversold' ? state === 'oversold' : state !== 'ok';
  });

  return (
    <section class="screen">
      <h1>{t('stock.title')}</h1>
      <div class="filters" role="group" aria-label={t('stock.filter')}>
        {FILTERS.map((f) => (
          <button
            type="button"
            key={f ?? 'all'}
            class={filter === f ? 'chip chip-active' : 'chip'}
            aria-pressed={filter === f}
            data-testid={`stock-filter-${f ?? 'all'}`}
            onClick={() => onFilter(f ? { filter: f } : {})}
          >
            {t(`stock.filters.${f ?? 'all'}`)}
          </button>
        ))}
      </div>
      <SearchField value={search} onChange={setSearch} label={t('products.search')} testId="stock-search" />
      {products === undefined ? (
        <Loading />
      ) : shown.length === 0 ? (
        <p class="empty">{filter ? t('stock.nothingLow') : t('sell.noMatch')}</p>
      ) : (
        <ul class="list" data-testid="stock-list">
          {shown.map((p) => (
            <li key={p.id}>
              <Link to="/stock/$productId" params={{ productId: p.id }} className="list-row" data-testid="stock-row" data-sku={p.sku}>
                <span class="list-row-main">
                  <strong>{fmt.name(p.names)}</strong>
                  <span class="muted" dir="auto">
                    {p.sku} · {t('stock.threshold', { n: fmt.number(p.lowStockThreshold) })}
                  </span>
                </span>
                <StockBadge level={p.level} lowStockThreshold={p.lowStockThreshold} />
                <strong class="level" data-testid="stock-level">
                  {fmt.number(p.level)} <span class="muted">{fmt.name(unitNamesOf(p))}</span>
                </strong>
                <Icon name="back" class="flip-ltr" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
