import { ImportScreen } from '../features/county/ImportScreen';

export function CountyImportRoute() {
  return <ImportScreen />;
}
