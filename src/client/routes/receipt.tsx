import { useParams } from '@tanstack/react-router';
import { ReceiptScreen } from '../features/sales/ReceiptScreen';

export function ReceiptRoute() {
  const { saleId } = useParams({ from: '/sales/$saleId' });
  return <ReceiptScreen saleId={saleId} />;
}
