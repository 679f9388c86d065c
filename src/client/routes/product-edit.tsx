import { useParams } from '@tanstack/react-router';
import { guarded } from '../app/guarded';
import { ProductEditScreen } from '../features/products/ProductEditScreen';

export const ProductNewRoute = guarded({ screen: 'products', run: 'product.create' }, function ProductNew() {
  return <ProductEditScreen productId={null} />;
});

export const ProductEditRoute = guarded({ screen: 'products', run: 'product.update' }, function ProductEdit() {
  const { productId } = useParams({ from: '/products/$productId' });
  return <ProductEditScreen productId={productId} />;
});
