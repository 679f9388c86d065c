import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { lineGrossFen } from '../../../shared/domain/discounts';
import { itemCount } from '../../../shared/domain/quantity';
import { firstTouched } from '../../app/when-first-touched';
import { getSession } from '../../auth/session';
import { AppErrorCode, CREDIT_OVER_LIMIT } from '../../data/errors';
import { useCreditLedger } from '../../data/queries/credit';
import { useProducts, type ProductWithStock } from '../../data/queries/products';
import { withAllWords } from '../../i18n';
import { afterPaint } from '../../ui/after-paint';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { useSaveOnce } from '../../ui/useSaveOnce';
import '../counter/counter.css';
import { CartHead } from './CartHead';
import { CartView } from './CartView';
import { ClearedNotice } from './ClearedNotice';
import { approvalCovers, type CreditApproval } from './credit-approval';
import { ProductPicker } from './ProductPicker';
import { priceCart, type DiscountDraft } from './sale-discounts';
import { checkSalePayment, creditNeedsAdmin, emptySalePayment, type SalePaymentDraft } from './sale-payment';
import './sell-payment.css';
import { useCart, type CartLine } from './useCart';

// The payment step and the discounts show once the cart has a line: their code (with the villager
// picker and the credit ledger) and their words come after the screen's, fetched by the first tap
// or key, never in the way of the products on a slow link.
const loadPaymentStep = () => withAllWords(import('./PaymentStep'));
const loadDiscountPanel = () => withAllWords(import('./DiscountPanel'));
// Saving the sale (the command, its staff proof, the stock it moves) is needed only at confirm: fetched with them.
const loadCompleteSale = () => import('../../data/commands/complete-sale');
const PaymentStep = lazy(() => loadPaymentStep().then((m) => ({ default: m.PaymentStep })));
const DiscountPanel = lazy(() => loadDiscountPanel().then((m) => ({ default: m.DiscountPanel })));

/** The counter sale: pick products, discount them, take the payment, confirm, show the receipt. */
export function SellScreen() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const cart = useCart();
  const allProducts = useProducts('', fmt.lang);
  const role = getSession()?.staff.role ?? 'clerk';
  const [payment, setPayment] = useState<SalePaymentDraft>(emptySalePayment);
  const [lineDiscounts, setLineDiscounts] = useState<Record<string, DiscountDraft>>({});
  const [saleDiscount, setSaleDiscount] = useState<DiscountDraft | undefined>(undefined);
  const [discountsOpen, setDiscountsOpen] = useState(false);
  const [approval, setApproval] = useState<CreditApproval | null>(null);
  // On a phone the cart is a sheet: closed, the products fill the screen above total and confirm.
  const [cartOpen, setCartOpen] = useState(false);
  // A cleared cart can be brought back until the next product is added.
  const [cleared, setCleared] = useState<readonly CartLine[] | null>(null);
  const { saving, error, errorParams, setError, run, again } = useSaveOnce();
  useEffect(() => {
    void firstTouched().then(() => Promise.all([loadPaymentStep(), loadDiscountPanel(), loadCompleteSale()]).catch(() => undefined));
  }, []);

  const byId = useMemo(() => new Map<string, ProductWithStock>((allProducts ?? []).map((p) => [p.id, p])), [allProducts]);
  const lines = cart.lines.filter((l) => byId.has(l.productId));
  const priced = priceCart(
    role,
    lines.map((l) => ({ unitPriceFen: byId.get(l.productId)!.priceFen, qty: l.qty, discount: lineDiscounts[l.productId] })),
    saleDiscount,
  );
  const totalFen = priced.totalFen;
  // A weighed line is one item, however many kilograms it holds.
  const items = itemCount(lines, (l) => byId.get(l.productId)?.soldBy === 'weight');
  const warnings = lines.filter((l) => l.qty > (byId.get(l.productId)?.level ?? 0)).length;
  const check = checkSalePayment(payment, totalFen);
  const ledger = useCreditLedger(payment.customerId ?? '');
  const creditFen = check.creditFen;
  const waitsForAdmin =
    role !== 'admin' &&
    payment.customerId !== null &&
    ledger !== undefined &&
    creditNeedsAdmin(ledger.balanceFen, creditFen, ledger.limitFen) &&
    !approvalCovers(approval, payment.customerId, creditFen);
  const canConfirm = lines.length > 0 && check.ok && !priced.blocked && !waitsForAdmin && !saving;

  function resetPayment() {
    setPayment(emptySalePayment());
    setLineDiscounts({});
    setSaleDiscount(undefined);
    setDiscountsOpen(false);
    setApproval(null);
  }

  async function confirm() {
    if (!canConfirm || !check.ok) return;
    const customerId = check.creditFen > 0 ? payment.customerId ?? undefined : undefined;
    await run(
      async () => {
        // The receipt's names are read while the sale saves (its code fetched meanwhile on the first sale).
        const receipt = import('../receipts/receipt-queries').then((m) => m.prepareSaleReceipt(fmt.lang, getSession()?.staff.id ?? '', customerId));
        receipt.catch(() => undefined);
        const { completeSale } = await loadCompleteSale();
        const sale = await completeSale({
          lines: lines.map((l, i) => ({ productId: l.productId, qty: l.qty, discount: priced.lineDiscounts[i] })),
          tenderedFen: check.tenderedFen,
          payments: check.payments,
          customerId,
          discount: priced.saleDiscount,
          creditApprovedBy: approval?.adminId,
        });
        // Without it (its code or names not read), the receipt's route reads the receipt back itself.
        await receipt.then((handOver) => handOver(sale)).catch(() => undefined);
        // The receipt first: emptying the cart first would redraw the whole sell screen just before leaving it.
        await navigate({ to: '/sales/$saleId', params: { saleId: sale.id }, search: { from: 'sell' } });
        // The screen stays drawn behind the receipt (KeptSellScreen): the next sale starts empty, its cart sheet closed.
        // Emptied once the receipt is painted: the hidden screen's redraw would otherwise come first.
        await afterPaint();
        cart.clear();
        resetPayment();
        setCartOpen(false);
        again();
      },
      (e) => {
        // The two refusals a person can put right here get words of their own.
        if (e.code === AppErrorCode.invalidInput && e.detail === CREDIT_OVER_LIMIT) setError('pay.creditNeedsAdmin');
        else if (e.code === AppErrorCode.invalidInput && e.detail === 'discount_over_limit') setError('refusal.discount_over_limit');
        else return false;
        return true;
      },
    );
  }

  function clear() {
    setCleared(cart.lines);
    cart.clear();
    resetPayment();
    setError(null);
  }

  // The same function every render: the picker (memoised) then stays as it is while the cart changes.
  const { add } = cart;
  const pick = useCallback(
    (id: string) => {
      setError(null);
      setCleared(null);
      add(id);
    },
    [setError, add],
  );

  const discountLines = lines.map((l) => {
    const p = byId.get(l.productId)!;
    return { productId: l.productId, name: fmt.name(p.names), grossFen: lineGrossFen(p.priceFen, l.qty) };
  });

  return (
    <div class={cartOpen ? 'sell sell-cart-open' : 'sell'}>
      <h1 class="visually-hidden">{t('nav.sell')}</h1>
      <ProductPicker onPick={pick} />
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
            <div class="cart-actions">
              <button
                type="button"
                class="button button-ghost button-small"
                data-testid="open-discounts"
                aria-expanded={discountsOpen}
                onClick={() => setDiscountsOpen((open) => !open)}
              >
                <Icon name="edit" />
                {t('pay.discounts')}
              </button>
              <button type="button" class="button button-ghost button-small cart-clear" data-testid="clear-cart" onClick={clear}>
                <Icon name="close" />
                {t('sell.clear')}
              </button>
            </div>
          )}
          {lines.length > 0 && discountsOpen && (
            <Suspense fallback={null}>
              <DiscountPanel
                role={role}
                lines={discountLines}
                lineDrafts={lineDiscounts}
                saleDraft={saleDiscount}
                subtotalFen={priced.linesFen}
                onLine={(productId, draft) => setLineDiscounts((all) => ({ ...all, [productId]: draft }))}
                onSale={setSaleDiscount}
              />
            </Suspense>
          )}
        </div>
        {priced.discountsFen > 0 && (
          <p class="pay-discounted row-between" data-testid="cart-discount">
            <span>{t('pay.discount')}</span>
            <span class="amount" dir="ltr">
              −{fmt.money(priced.discountsFen)}
            </span>
          </p>
        )}
        <p class="total row-between">
          <span>{t('sell.total')}</span>
          <strong data-testid="cart-total">{fmt.money(totalFen)}</strong>
        </p>
        {lines.length > 0 && (
          <Suspense fallback={null}>
            <PaymentStep
              dueFen={totalFen}
              draft={payment}
              check={check}
              ledger={payment.customerId === null ? undefined : ledger}
              selfIsAdmin={role === 'admin'}
              approval={approval}
              onDraft={(next) => {
                setError(null);
                setPayment(next);
              }}
              onApproval={setApproval}
              onOpen={() => setCartOpen(true)}
            />
          </Suspense>
        )}
        {lines.length > 0 && waitsForAdmin && <p class="muted pay-waits" data-testid="pay-waits-admin">{t('pay.creditNeedsAdmin')}</p>}
        {priced.blocked && <p class="muted pay-waits" data-testid="pay-waits-discount">{t('pay.fixDiscount')}</p>}
        <ErrorText code={error} params={errorParams} />
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
