import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import { Icon } from '../../ui/Icon';
import { ReceiptView } from './ReceiptView';

/** The slip for an order's deposit: what was ordered, what was paid now, what is left for collection. */
export function DepositReceiptScreen({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  return (
    <ReceiptView kind="deposit" id={orderId}>
      <div class="actions">
        <Link to="/orders/$orderId" params={{ orderId }} className="button button-large" data-testid="deposit-order">
          <Icon name="back" class="flip-rtl" />
          {t('orders.title')}
        </Link>
      </div>
    </ReceiptView>
  );
}
