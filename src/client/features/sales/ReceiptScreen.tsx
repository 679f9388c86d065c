import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import { useSale } from '../../data/queries';
import { Icon } from '../../ui/Icon';
import type { ReceiptAhead } from '../receipts/receipt-handover';
import { ReceiptView } from '../receipts/ReceiptView';
import { SaleActions } from '../refunds/SaleActions';

/** What the villager paid for: names and prices as they were when sold, to print, share or print again. */
export function ReceiptScreen({ saleId, ahead }: { saleId: string; ahead?: ReceiptAhead | undefined }) {
  const { t } = useTranslation();
  const sale = useSale(saleId);
  return (
    <ReceiptView kind="sale" id={saleId} ahead={ahead}>
      <div class="actions">
        <Link to="/" className="button button-large" data-testid="new-sale">
          <Icon name="cart" />
          {t('receipt.newSale')}
        </Link>
        <Link to="/sales" className="button button-large">
          <Icon name="receipt" />
          {t('receipt.allSales')}
        </Link>
      </div>
      {sale && <SaleActions sale={sale} />}
    </ReceiptView>
  );
}
