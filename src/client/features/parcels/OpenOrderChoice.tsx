import { useTranslation } from '../../i18n/use-translation';
import { useOpenOrdersOf } from '../../data/queries/orders';
import { useFormat } from '../../ui/format';

/** Which of the villager's open orders a parcel is for, or none. */
export function OpenOrderChoice({ customerId, value, onChange }: { customerId: string; value: string | null; onChange(orderId: string | null): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const orders = useOpenOrdersOf(customerId);
  if (!orders || orders.length === 0) return <p class="muted">{t('parcels.noOpenOrders')}</p>;
  return (
    <fieldset>
      <legend>{t('parcels.forOrder')}</legend>
      <div class="segmented open-orders">
        <label class={value === null ? 'segment segment-active' : 'segment'}>
          <input type="radio" name="parcel-order" checked={value === null} onChange={() => onChange(null)} />
          {t('parcels.noOrder')}
        </label>
        {orders.map(({ order, platform }) => (
          <label key={order.id} class={value === order.id ? 'segment segment-active' : 'segment'} data-testid="parcel-order-choice">
            <input type="radio" name="parcel-order" checked={value === order.id} onChange={() => onChange(order.id)} />
            <span dir="auto">
              {platform ? fmt.name(platform.names) : ''} · {order.lines[0]?.name ?? ''} · {fmt.money(order.totalFen)}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
