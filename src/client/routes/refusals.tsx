import { RefusalsScreen } from '../features/sync/RefusalsScreen';

export function RefusalsRoute() {
  return <RefusalsScreen />;
}
