import { useTranslation } from '../../i18n/use-translation';
import { addQuantities, soldByOf } from '../../../shared/domain/quantity';
import { lineGrossFen } from '../../../shared/domain/discounts';
import { unitNamesOf } from '../../../shared/domain/units';
import type { ProductWithStock } from '../../data/queries/products';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { QtyInput } from './QtyInput';
import type { CartLine } from './useCart';

/**
 * Lines with big − / + buttons round a typed quantity (decimals for what is
 * weighed); the total sits below. A line asking for more
 * than the stock this tablet knows of is warned about, never blocked: the
 * shelf may hold goods not yet received here, and S7 keeps both sales.
 */
export function CartView({ lines, products, onQty, onRemove }: {
  lines: readonly CartLine[];
  products: ReadonlyMap<string, ProductWithStock>;
  onQty(productId: string, qty: number): void;
  onRemove(productId: string): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (lines.length === 0) return <p class="empty">{t('sell.emptyCart')}</p>;
  return (
    <ul class="cart-lines">
      {lines.map((line) => {
        const product = products.get(line.productId);
        if (!product) return null;
        const name = fmt.name(product.names);
        const unit = fmt.name(unitNamesOf(product));
        const soldBy = soldByOf(product);
        const overStock = line.qty > product.level;
        return (
          <li key={line.productId} class="cart-line" data-testid="cart-line" data-sku={product.sku}>
            <div class="cart-line-name">
              <strong>{name}</strong>
              <span class="muted">
                {fmt.money(product.priceFen)} / {unit}
              </span>
              {overStock && (
                <span class="cart-line-warning" data-testid="stock-warning">
                  <Icon name="warning" size={18} />
                  {t('sell.overStock', { n: fmt.number(Math.max(0, product.level)) })}
                </span>
              )}
            </div>
            <div class="stepper" dir="ltr">
              <button
                type="button"
                class="icon-button"
                data-testid="qty-minus"
                aria-label={t('sell.less', { name })}
                onClick={() => onQty(line.productId, addQuantities(line.qty, -1))}
              >
                <Icon name="minus" />
              </button>
              <QtyInput
                qty={line.qty}
                soldBy={soldBy}
                label={t('selling.qtyLabel', { name, unit })}
                onQty={(qty) => onQty(line.productId, qty)}
              />
              <button
                type="button"
                class="icon-button"
                data-testid="qty-plus"
                aria-label={t('sell.more', { name })}
                onClick={() => onQty(line.productId, addQuantities(line.qty, 1))}
              >
                <Icon name="plus" />
              </button>
            </div>
            <span class="cart-line-total">{fmt.money(lineGrossFen(product.priceFen, line.qty))}</span>
            <button
              type="button"
              class="icon-button"
              data-testid="remove-line"
              aria-label={t('sell.remove', { name })}
              onClick={() => onRemove(line.productId)}
            >
              <Icon name="close" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
