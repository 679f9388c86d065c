import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProducts } from '../../data/queries/products';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { SearchField } from '../../ui/SearchField';
import { StockBadge } from '../../ui/StockBadge';
import { useFormat } from '../../ui/format';

/**
 * Search by any name, SKU or barcode; tap a tile to add one to the cart. The
 * search then empties, ready for the next item.
 */
export function ProductPicker({ onPick }: { onPick(productId: string): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const products = useProducts(search, fmt.lang);

  return (
    <section class="picker" aria-label={t('sell.products')}>
      <SearchField value={search} onChange={setSearch} label={t('sell.search')} testId="product-search" />
      {products === undefined ? (
        <Loading />
      ) : products.length === 0 ? (
        <p class="empty">{t('sell.noMatch')}</p>
      ) : (
        <ul class="product-grid">
          {products.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                class="product-tile"
                data-testid="product-tile"
                data-sku={p.sku}
                onClick={() => {
                  setSearch('');
                  onPick(p.id);
                }}
              >
                {/* The tile's name is what it shows, with the action said first. */}
                <span class="visually-hidden">{t('sell.add')} </span>
                <span class="product-tile-name">{fmt.name(p.names)}</span>
                <span class="product-tile-price">
                  {fmt.money(p.priceFen)}
                  <span class="muted"> / {p.unit}</span>
                </span>
                <span class="product-tile-stock">
                  <StockBadge level={p.level} lowStockThreshold={p.lowStockThreshold} />
                  <span class="muted">{t('stock.levelShort', { n: fmt.number(p.level) })}</span>
                </span>
                <Icon name="plus" class="product-tile-add" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
