import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuan } from '../../../shared/domain/money';
import { completeSale } from '../../data/commands';
import { useProducts, type ProductWithStock } from '../../data/queries/products';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { useSaveOnce } from '../../ui/useSaveOnce';
import { CartHead } from './CartHead';
import { CartView } from './CartView';
import { ClearedNotice } from './ClearedNotice';
import { ProductPicker } from './ProductPicker';
import { TenderPanel } from './TenderPanel';
import { useCart, type CartLine } from './useCart';

/** The counter sale: pick products, take cash, confirm, show the receipt. */
export function SellScreen() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const cart = useCart();
  const allProducts = useProducts('', fmt.lang);
  const [tenderText, setTenderText] = useState('');
  // On a phone the cart is a sheet: closed, the products fill the screen above total and confirm.
  const [cartOpen, setCartOpen] = useState(false);
  // A cleared cart can be brought back until the next product is added.
  const [cleared, setCleared] = useState<readonly CartLine[] | null>(null);
  const { saving, error, setError, run } = useSaveOnce();

  const byId = useMemo(() => new Map<string, ProductWithStock>((allProducts ?? []).map((p) => [p.id, p])), [allProducts]);
  const lines = cart.lines.filter((l) => byId.has(l.productId));
  const totalFen = lines.reduce((sum, l) => sum + (byId.get(l.productId)?.priceFen ?? 0) * l.qty, 0);
  const items = lines.reduce((sum, l) => sum + l.qty, 0);
  const warnings = lines.filter((l) => l.qty > (byId.get(l.productId)?.level ?? 0)).length;
  const tenderedFen = parseYuan(tenderText);
  const canConfirm = lines.length > 0 && tenderedFen !== null && tenderedFen >= totalFen && !saving;

  async function confirm() {
    if (!canConfirm || tenderedFen === null) return;
    await run(async () => {
      const sale = await completeSale({ lines: lines.map((l) => ({ productId: l.productId, qty: l.qty })), tenderedFen });
      cart.clear();
      setTenderText('');
      await navigate({ to: '/sales/$saleId', params: { saleId: sale.id } });
    });
  }

  function clear() {
    setCleared(cart.lines);
    cart.clear();
    setTenderText('');
    setError(null);
  }

  return (
    <div class={cartOpen ? 'sell sell-cart-open' : 'sell'}>
      <h1 class="visually-hidden">{t('nav.sell')}</h1>
      <ProductPicker
        onPick={(id) => {
          setError(null);
          setCleared(null);
          cart.add(id);
        }}
      />
      <section class="cart card" aria-label={t('sell.cart')} data-testid="cart">
        <CartHead
          items={items}
          totalFen={totalFen}
          warnings={warnings}
          open={cartOpen}
          onToggle={() => setCartOpen((open) => !open)}
        />
        {cleared && (
          <ClearedNotice
            onUndo={() => {
              cart.restore(cleared);
              setCleared(null);
            }}
          />
        )}
        <div class="cart-body" id="cart-body">
          <CartView lines={lines} products={byId} onQty={cart.setQty} onRemove={cart.remove} />
          {lines.length > 0 && (
            <button type="button" class="button button-ghost button-small cart-clear" data-testid="clear-cart" onClick={clear}>
              <Icon name="close" />
              {t('sell.clear')}
            </button>
          )}
        </div>
        <p class="total row-between">
          <span>{t('sell.total')}</span>
          <strong data-testid="cart-total">{fmt.money(totalFen)}</strong>
        </p>
        {lines.length > 0 && <TenderPanel totalFen={totalFen} text={tenderText} onText={setTenderText} />}
        <ErrorText code={error} />
        <button
          type="button"
          class="button button-primary button-large confirm-sale"
          data-testid="confirm-sale"
          disabled={!canConfirm}
          onClick={() => void confirm()}
        >
          <Icon name="check" />
          {saving ? t('common.saving') : t('sell.confirm')}
        </button>
      </section>
    </div>
  );
}
