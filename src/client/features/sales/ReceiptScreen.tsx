import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSale, useStaffList } from '../../data/queries';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';

/** What the villager paid for: names and prices as they were when sold. */
export function ReceiptScreen({ saleId }: { saleId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sale = useSale(saleId);
  const staff = useStaffList();
  if (sale === undefined) return <Loading />;
  if (sale === null) return <p class="empty">{t('receipt.notFound')}</p>;
  const seller = staff?.find((s) => s.id === sale.createdBy)?.name ?? '';

  return (
    <section class="screen receipt-screen">
      <article class="receipt card" data-testid="receipt" data-sale-id={sale.id}>
        <header class="receipt-head">
          <h1>{t('receipt.title')}</h1>
          <p>
            {t('receipt.number')}: <strong>
              <bdi data-testid="receipt-no" dir="ltr">
                {sale.receiptNo}
              </bdi>
            </strong>
          </p>
          <p class="muted">{fmt.dateTime(sale.createdAt)}</p>
          {seller && <p class="muted">{t('receipt.staff', { name: seller })}</p>}
        </header>
        <table class="receipt-lines">
          <tbody>
            {sale.lines.map((line) => (
              <tr key={line.productId} data-testid="receipt-line">
                <td>
                  {fmt.name(line.names)}
                  <br />
                  <span class="muted">
                    {fmt.number(line.qty)} <bdi>{line.unit}</bdi> × {fmt.money(line.unitPriceFen)}
                  </span>
                </td>
                <td class="amount">{fmt.money(line.lineTotalFen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr class="receipt-total">
              <th scope="row">{t('sell.total')}</th>
              <td class="amount" data-testid="receipt-total">
                {fmt.money(sale.totalFen)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('sell.tendered')}</th>
              <td class="amount" data-testid="receipt-tendered">
                {fmt.money(sale.tenderedFen)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('sell.change')}</th>
              <td class="amount" data-testid="receipt-change">
                {fmt.money(sale.changeFen)}
              </td>
            </tr>
          </tfoot>
        </table>
      </article>
      <div class="actions">
        <Link to="/" className="button button-primary button-large" data-testid="new-sale">
          <Icon name="cart" />
          {t('receipt.newSale')}
        </Link>
        <Link to="/sales" className="button button-large">
          <Icon name="receipt" />
          {t('receipt.allSales')}
        </Link>
      </div>
    </section>
  );
}
