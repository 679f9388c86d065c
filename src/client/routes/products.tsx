import { ProductsScreen } from '../features/products/ProductsScreen';

export function ProductsRoute() {
  return <ProductsScreen />;
}
