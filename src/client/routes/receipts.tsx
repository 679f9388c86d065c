import { useParams } from '@tanstack/react-router';
import { guarded } from '../app/guarded';
import { DepositReceiptScreen } from '../features/receipts/DepositReceiptScreen';
import { RefundReceiptScreen } from '../features/receipts/RefundReceiptScreen';
import { RepaymentReceiptScreen } from '../features/receipts/RepaymentReceiptScreen';
import { StatementScreen } from '../features/receipts/StatementScreen';

// Receipts are read-only: whoever may see the sales (or the villagers, or the orders) may print them again.
export const RefundReceiptRoute = guarded({ screen: 'sales' }, function RefundReceipt() {
  const { refundId } = useParams({ from: '/refunds/$refundId' });
  return <RefundReceiptScreen refundId={refundId} />;
});

export const RepaymentReceiptRoute = guarded({ screen: 'villagers' }, function RepaymentReceipt() {
  const { repaymentId } = useParams({ from: '/repayments/$repaymentId' });
  return <RepaymentReceiptScreen repaymentId={repaymentId} />;
});

export const DepositReceiptRoute = guarded({ screen: 'orders' }, function DepositReceipt() {
  const { orderId } = useParams({ from: '/orders/$orderId/deposit' });
  return <DepositReceiptScreen orderId={orderId} />;
});

export const StatementRoute = guarded({ screen: 'villagers' }, function Statement() {
  const { customerId } = useParams({ from: '/villagers/$customerId/statement' });
  return <StatementScreen customerId={customerId} />;
});
