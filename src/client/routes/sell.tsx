import { guarded } from '../app/guarded';
import { SellScreen } from '../features/sales/SellScreen';

export const SellRoute = guarded({ screen: 'sell' }, function Sell() {
  return <SellScreen />;
});
