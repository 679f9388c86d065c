import { guarded } from '../app/guarded';
import { useParams } from '@tanstack/react-router';
import { StockDetailScreen } from '../features/stock/StockDetailScreen';

export const StockDetailRoute = guarded({ screen: 'stock' }, function StockDetail() {
  const { productId } = useParams({ from: '/stock/$productId' });
  return <StockDetailScreen productId={productId} />;
});
