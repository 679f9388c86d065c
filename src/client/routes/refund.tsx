import { useParams } from '@tanstack/react-router';
import { guarded } from '../app/guarded';
import { RequirePinAgain } from '../auth/RequirePinAgain';
import { RefundScreen } from '../features/refunds/RefundScreen';
import { VoidScreen } from '../features/refunds/VoidScreen';

export const RefundRoute = guarded({ screen: 'sales', run: 'sale.refund' }, function Refund() {
  const { saleId } = useParams({ from: '/sales/$saleId/refund' });
  return <RefundScreen saleId={saleId} />;
});

// A void takes back a whole sale on an admin's word: the PIN is asked again, every time.
export const VoidRoute = guarded({ screen: 'sales', run: 'sale.void' }, function Void() {
  const { saleId } = useParams({ from: '/sales/$saleId/void' });
  return (
    <RequirePinAgain always>
      <VoidScreen saleId={saleId} />
    </RequirePinAgain>
  );
});
