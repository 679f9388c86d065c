import { guarded } from '../app/guarded';
import { useLoaderData, useParams } from '@tanstack/react-router';
import { ReceiptScreen } from '../features/sales/ReceiptScreen';

export const ReceiptRoute = guarded({ screen: 'sales' }, function Receipt() {
  const { saleId } = useParams({ from: '/sales/$saleId' });
  // Read by the route's loader while the app moved here: the receipt draws with the screen.
  const ahead = useLoaderData({ from: '/sales/$saleId' });
  return <ReceiptScreen saleId={saleId} ahead={ahead} />;
});
