import { useParams } from '@tanstack/react-router';
import { StockDetailScreen } from '../features/stock/StockDetailScreen';

export function StockDetailRoute() {
  const { productId } = useParams({ from: '/stock/$productId' });
  return <StockDetailScreen productId={productId} />;
}
