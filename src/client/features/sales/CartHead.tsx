import { useTranslation } from '../../i18n/use-translation';
import type { Fen } from '../../../shared/domain/money';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';

/**
 * The cart's first line. On a tablet it is a heading; on a phone the cart is a
 * sheet under the products, and this line is the handle that opens and closes
 * it, with what a clerk checks at a glance: items, any stock warning, the total.
 */
export function CartHead({ items, totalFen, warnings, open, onToggle }: {
  items: number;
  totalFen: Fen;
  warnings: number;
  open: boolean;
  onToggle(): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div class="cart-head">
      <h2 class="cart-title">
        <Icon name="cart" /> {t('sell.cart')}
      </h2>
      <button
        type="button"
        class="cart-toggle"
        data-testid="cart-toggle"
        aria-expanded={open}
        aria-controls="cart-body"
        onClick={onToggle}
      >
        <Icon name="cart" />
        <span class="cart-toggle-count">
          {items === 0 ? t('sell.cart') : t('sell.cartItems', { count: items, n: fmt.number(items) })}
        </span>
        {warnings > 0 && <Icon name="warning" class="cart-toggle-warning" />}
        <strong class="cart-toggle-total amount">{fmt.money(totalFen)}</strong>
        <Icon name="back" class={open ? 'cart-toggle-chevron cart-toggle-open' : 'cart-toggle-chevron'} />
      </button>
    </div>
  );
}
