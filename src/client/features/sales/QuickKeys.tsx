import { useTranslation } from '../../i18n/use-translation';
import { unitNamesOf } from '../../../shared/domain/units';
import type { ProductWithStock } from '../../data/queries/products';
import { useFormat } from '../../ui/format';

/** The products an admin pinned, as one row of big keys above the grid: one tap adds one. */
export function QuickKeys({ products, onPick }: { products: readonly ProductWithStock[]; onPick(productId: string): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (products.length === 0) return null;
  return (
    <section class="quick-keys" aria-label={t('selling.quickKeys')} data-testid="quick-keys">
      {products.map((p) => {
        const name = fmt.name(p.names);
        return (
          <button
            key={p.id}
            type="button"
            class="quick-key"
            data-testid="quick-key"
            data-sku={p.sku}
            onClick={() => onPick(p.id)}
          >
            {/* Named by what it shows, the action said first (as product tiles are). */}
            <span class="visually-hidden">{t('sell.add')} </span>
            <span class="quick-key-name">{name}</span>
            <span class="muted">
              {fmt.money(p.priceFen)} / {fmt.name(unitNamesOf(p))}
            </span>
          </button>
        );
      })}
    </section>
  );
}
