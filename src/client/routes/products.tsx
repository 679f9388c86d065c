import { guarded } from '../app/guarded';
import { ProductsScreen } from '../features/products/ProductsScreen';

export const ProductsRoute = guarded({ screen: 'products' }, function Products() {
  return <ProductsScreen />;
});
