import { useTranslation } from '../../i18n/use-translation';
import type { OrderView } from '../../data/queries/orders';
import { useFormat } from '../../ui/format';

/** What was ordered, where, and what it costs: the lines, the fees, the total, the deposit and what is still owed. */
export function OrderSummary({ detail }: { detail: OrderView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { order, platform, customer } = detail;
  return (
    <div class="card" data-testid="order-summary">
      <dl class="facts">
        <dt>{t('orders.platform')}</dt>
        <dd>{platform ? fmt.name(platform.names) : ''}</dd>
        <dt>{t('orders.platformOrderNo')}</dt>
        <dd>
          <bdi dir="ltr" data-testid="order-platform-no-shown">
            {order.platformOrderNo || '—'}
          </bdi>
        </dd>
        {customer?.phone && (
          <>
            <dt>{t('orders.phone')}</dt>
            <dd>
              <bdi dir="ltr">{customer.phone}</bdi>
            </dd>
          </>
        )}
        <dt>{t('orders.created')}</dt>
        <dd>{fmt.dateTime(order.createdAt)}</dd>
      </dl>
      <table class="receipt-lines">
        <tbody>
          {order.lines.map((line, i) => (
            <tr key={i}>
              <td dir="auto">{line.name}</td>
              <td class="amount">
                <bdi dir="ltr">
                  {fmt.number(line.qty)} × {fmt.money(line.unitPriceFen)}
                </bdi>
              </td>
              <td class="amount">{fmt.money(line.qty * line.unitPriceFen)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>{t('orders.deliveryFee')}</th>
            <td class="amount">{fmt.money(order.deliveryFeeFen)}</td>
          </tr>
          <tr>
            <th colSpan={2}>{t('orders.serviceFee')}</th>
            <td class="amount">{fmt.money(order.serviceFeeFen)}</td>
          </tr>
          <tr class="receipt-total">
            <th colSpan={2}>{t('orders.total')}</th>
            <td class="amount" data-testid="order-total-shown">
              {fmt.money(order.totalFen)}
            </td>
          </tr>
          <tr>
            <th colSpan={2}>{t('orders.deposit')}</th>
            <td class="amount">{fmt.money(order.depositFen)}</td>
          </tr>
          <tr>
            <th colSpan={2}>{t('orders.balance')}</th>
            <td class="amount">{fmt.money(order.totalFen - order.depositFen)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
