import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/domain/entities';
import { parseYuan } from '../../../shared/domain/money';
import { completeSale } from '../../data/commands';
import { useProducts } from '../../data/queries/products';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { useSaveOnce } from '../../ui/useSaveOnce';
import { CartView } from './CartView';
import { ProductPicker } from './ProductPicker';
import { TenderPanel } from './TenderPanel';
import { useCart } from './useCart';

/** The counter sale: pick products, take cash, confirm, show the receipt. */
export function SellScreen() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const cart = useCart();
  const allProducts = useProducts('', fmt.lang);
  const [tenderText, setTenderText] = useState('');
  const { saving, error, setError, run } = useSaveOnce();

  const byId = useMemo(() => new Map<string, Product>((allProducts ?? []).map((p) => [p.id, p])), [allProducts]);
  const lines = cart.lines.filter((l) => byId.has(l.productId));
  const totalFen = lines.reduce((sum, l) => sum + (byId.get(l.productId)?.priceFen ?? 0) * l.qty, 0);
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

  return (
    <div class="sell">
      <ProductPicker
        onPick={(id) => {
          setError(null);
          cart.add(id);
        }}
      />
      <section class="cart card" aria-label={t('sell.cart')}>
        <div class="row-between">
          <h2>
            <Icon name="cart" /> {t('sell.cart')}
          </h2>
          {lines.length > 0 && (
            <button type="button" class="button button-ghost button-small" onClick={cart.clear}>
              {t('sell.clear')}
            </button>
          )}
        </div>
        <CartView lines={lines} products={byId} onQty={cart.setQty} onRemove={cart.remove} />
        <p class="total row-between">
          <span>{t('sell.total')}</span>
          <strong data-testid="cart-total">{fmt.money(totalFen)}</strong>
        </p>
        {lines.length > 0 && <TenderPanel totalFen={totalFen} text={tenderText} onText={setTenderText} />}
        <ErrorText code={error} />
        <button
          type="button"
          class="button button-primary button-large"
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
