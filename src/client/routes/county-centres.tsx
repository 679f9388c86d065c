import { CentresScreen } from '../features/county/CentresScreen';

export function CountyCentresRoute() {
  return <CentresScreen />;
}
