import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { isCategory } from '../../../shared/domain/categories';
import { unitNamesOf } from '../../../shared/domain/units';
import { useMayRun } from '../../auth/permissions';
import { useProducts } from '../../data/queries';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { SearchField } from '../../ui/SearchField';
import { StockBadge } from '../../ui/StockBadge';
import { useFormat } from '../../ui/format';

/** Every product, searchable by any name, SKU or barcode; tap to edit (roles that may; others only read). */
export function ProductsScreen() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const products = useProducts(search, fmt.lang);
  const mayCreate = useMayRun('product.create');
  const mayEdit = useMayRun('product.update');

  return (
    <section class="screen">
      <div class="row-between screen-head">
        <h1>{t('products.title')}</h1>
        {mayCreate && (
          <Link to="/products/new" className="button button-primary" data-testid="add-product">
            <Icon name="plus" />
            {t('products.add')}
          </Link>
        )}
      </div>
      <SearchField value={search} onChange={setSearch} label={t('products.search')} testId="products-search" />
      {products === undefined ? (
        <Loading />
      ) : products.length === 0 ? (
        <p class="empty">{t('sell.noMatch')}</p>
      ) : (
        <ul class="list" data-testid="products-list">
          {products.map((p) => (
            <li key={p.id}>
              {mayEdit ? (
                <Link to="/products/$productId" params={{ productId: p.id }} className="list-row" data-testid="product-row" data-sku={p.sku}>
                  <ProductRow product={p} />
                  <Icon name="edit" />
                </Link>
              ) : (
                <div class="list-row" data-testid="product-row" data-sku={p.sku}>
                  <ProductRow product={p} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ProductRow({ product: p }: { product: NonNullable<ReturnType<typeof useProducts>>[number] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      <span class="list-row-main">
        <strong>{fmt.name(p.names)}</strong>
        <span class="muted" dir="auto">
          {p.sku}
          {p.barcode ? ` · ${p.barcode}` : ''} · {fmt.name(unitNamesOf(p))}
          {isCategory(p.category) ? ` · ${t(`selling.categories.${p.category}`)}` : ''}
        </span>
      </span>
      <span class="product-row-side">
        {p.pinned && (
          <span class="badge badge-ok" data-testid="product-pinned-badge">
            {t('selling.pinnedBadge')}
          </span>
        )}
        <StockBadge level={p.level} lowStockThreshold={p.lowStockThreshold} />
        <strong class="amount">{fmt.money(p.priceFen)}</strong>
      </span>
    </>
  );
}
