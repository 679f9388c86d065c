import { memo, useCallback, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useProducts } from '../../data/queries/products';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { SearchField } from '../../ui/SearchField';
import { StockBadgeView } from '../../ui/StockBadge';
import { useFormat } from '../../ui/format';
import type { Category } from '../../../shared/domain/categories';
import { stockState, type StockState } from '../../../shared/domain/stock';
import { unitNamesOf } from '../../../shared/domain/units';
import { CategoryChips } from './CategoryChips';
import { QuickKeys } from './QuickKeys';
import './selling.css';
import { ScanButton } from '../scan/ScanButton';
import { useProductScan } from '../scan/useProductScan';

/**
 * One tile, from words already made: equal words draw nothing again, so a
 * stock change after a sale redraws only the tiles whose level moved.
 */
const ProductTile = memo(function ProductTile({ id, sku, addWord, name, price, unit, state, stateWord, levelWord, onPick }: {
  id: string;
  sku: string;
  addWord: string;
  name: string;
  price: string;
  unit: string;
  state: StockState;
  stateWord: string;
  levelWord: string;
  onPick(productId: string): void;
}) {
  return (
    <li>
      <button type="button" class="product-tile" data-testid="product-tile" data-sku={sku} onClick={() => onPick(id)}>
        {/* The tile's name is what it shows, with the action said first. */}
        <span class="visually-hidden">{addWord} </span>
        <span class="product-tile-name">{name}</span>
        <span class="product-tile-price">
          {price}
          <span class="muted"> / {unit}</span>
        </span>
        <span class="product-tile-stock">
          <StockBadgeView state={state} word={stateWord} />
          <span class="muted">{levelWord}</span>
        </span>
        <Icon name="plus" class="product-tile-add" />
      </button>
    </li>
  );
});

/**
 * Search by any name, SKU or barcode; tap a tile to add one to the cart. The
 * search then empties, ready for the next item. Scanning a barcode (camera or
 * a scanner that types) adds its product the same way. Memoised: the sell
 * screen redraws its cart on every tap, and the grid has no part in that.
 */
export const ProductPicker = memo(function ProductPicker({ onPick }: { onPick(productId: string): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const products = useProducts(search, fmt.lang);
  const latestPick = useRef(onPick);
  latestPick.current = onPick;
  const pickTile = useCallback((id: string) => {
    setSearch('');
    latestPick.current(id);
  }, []);
  // Category chips narrow the grid; pinned quick keys sit above it while nothing is searched.
  const [category, setCategory] = useState<Category | null>(null);
  const shown = products && category ? products.filter((p) => p.category === category) : products;
  const categories = new Set((products ?? []).flatMap((p) => (p.category ? [p.category] : [])));
  if (category) categories.add(category);
  const pinned = search.trim() === '' ? (products ?? []).filter((p) => p.pinned && p.active) : [];
  const scan = useProductScan(onPick, () => setSearch(''));
  // Each word looked up once a draw, not once a tile: most tiles share them.
  const looked = new Map<string, string>();
  const words = (key: string, n?: number) => {
    const at = n === undefined ? key : `${key}:${n}`;
    let word = looked.get(at);
    if (word === undefined) looked.set(at, (word = n === undefined ? t(key) : t(key, { n: fmt.number(n) })));
    return word;
  };
  const addWord = words('sell.add');
  const levelWord = (level: number) => words('stock.levelShort', level);

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
          {shown.map((p) => {
            const state = stockState(p.level, p);
            return (
              <ProductTile
                key={p.id}
                id={p.id}
                sku={p.sku}
                addWord={addWord}
                name={fmt.name(p.names)}
                price={fmt.money(p.priceFen)}
                unit={fmt.name(unitNamesOf(p))}
                state={state}
                stateWord={words(`stock.state.${state}`)}
                levelWord={levelWord(p.level)}
                onPick={pickTile}
              />
            );
          })}
        </ul>
      )}
    </section>
  );
});
