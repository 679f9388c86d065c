import { useParams } from '@tanstack/react-router';
import { ProductEditScreen } from '../features/products/ProductEditScreen';

export function ProductNewRoute() {
  return <ProductEditScreen productId={null} />;
}

export function ProductEditRoute() {
  const { productId } = useParams({ from: '/products/$productId' });
  return <ProductEditScreen productId={productId} />;
}
