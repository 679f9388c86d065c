import { guarded } from '../app/guarded';
import { useParams } from '@tanstack/react-router';
import { ReceiptScreen } from '../features/sales/ReceiptScreen';

export const ReceiptRoute = guarded({ screen: 'sales' }, function Receipt() {
  const { saleId } = useParams({ from: '/sales/$saleId' });
  return <ReceiptScreen saleId={saleId} />;
});
