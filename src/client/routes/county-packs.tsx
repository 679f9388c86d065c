import { PacksScreen } from '../features/county/PacksScreen';

export function CountyPacksRoute() {
  return <PacksScreen />;
}
