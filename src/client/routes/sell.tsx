import { SellScreen } from '../features/sales/SellScreen';

export function SellRoute() {
  return <SellScreen />;
}
