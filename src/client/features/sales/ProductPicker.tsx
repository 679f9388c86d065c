import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProducts } from '../../data/queries/products';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { SearchField } from '../../ui/SearchField';
import { StockBadge } from '../../ui/StockBadge';
import { useFormat } from '../../ui/format';
import type { Category } from '../../../shared/domain/categories';
import { unitNamesOf } from '../../../shared/domain/units';
import { CategoryChips } from './CategoryChips';
import { QuickKeys } from './QuickKeys';
import './selling.css';
import { ScanButton } from '../scan/ScanButton';
import { useProductScan } from '../scan/useProductScan';

/**
 * Search by any name, SKU or barcode; tap a tile to add one to the cart. The
 * search then empties, ready for the next item. Scanning a barcode (camera or
 * a scanner that types) adds its product the same way.
 */
export function ProductPicker({ onPick }: { onPick(productId: string): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const products = useProducts(search, fmt.lang);
  // Category chips narrow the grid; pinned quick keys sit above it while nothing is searched.
  const [category, setCategory] = useState<Category | null>(null);
  const shown = products && category ? products.filter((p) => p.category === category) : products;
  const categories = new Set((products ?? []).flatMap((p) => (p.category ? [p.category] : [])));
  if (category) categories.add(category);
  const pinned = search.trim() === '' ? (products ?? []).filter((p) => p.pinned && p.active) : [];
  const scan = useProductScan(onPick, () => setSearch(''));

  return (
    <section class="picker" aria-label={t('sell.products')}>
      <div class="scan-search">
        <SearchField value={search} onChange={setSearch} label={t('sell.search')} testId="product-search" />
        <ScanButton purpose="product" onCode={scan.take} testId="scan-product" />
      </div>
      {scan.message && (
        <p class="notice scan-notice" role="alert" data-testid="scan-message">
          <span>{scan.message}</span>
          <button type="button" class="icon-button" aria-label={t('scan.dismiss')} data-testid="scan-message-dismiss" onClick={scan.dismiss}>
            <Icon name="close" />
          </button>
        </p>
      )}
      <QuickKeys products={pinned} onPick={onPick} />
      <CategoryChips present={categories} value={category} onChange={setCategory} />
      {shown === undefined ? (
        <Loading />
      ) : shown.length === 0 ? (
        <p class="empty">{t('sell.noMatch')}</p>
      ) : (
        <ul class="product-grid">
          {shown.map((p) => (
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
                  <span class="muted"> / {fmt.name(unitNamesOf(p))}</span>
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
