import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db';
import { Icon } from '../../ui/Icon';
import { ReceiptView } from './ReceiptView';

/** The slip for money given back: the lines refunded, how, and the sale it was for. */
export function RefundReceiptScreen({ refundId }: { refundId: string }) {
  const { t } = useTranslation();
  const saleId = useLiveQuery(async () => (await db.refunds.get(refundId))?.saleId ?? null, [refundId]);
  return (
    <ReceiptView kind="refund" id={refundId}>
      <div class="actions">
        {saleId && (
          <Link to="/sales/$saleId" params={{ saleId }} className="button button-large" data-testid="refund-sale-receipt">
            <Icon name="receipt" />
            {t('receipts.kind.sale')}
          </Link>
        )}
        <Link to="/sales" className="button button-large">
          <Icon name="receipt" />
          {t('receipt.allSales')}
        </Link>
      </div>
    </ReceiptView>
  );
}
