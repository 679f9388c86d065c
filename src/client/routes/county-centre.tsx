import { useParams } from '@tanstack/react-router';
import { CentreScreen } from '../features/county/CentreScreen';

export function CountyCentreRoute() {
  const { centreId } = useParams({ from: '/county/centres/$centreId' });
  // A new key when the centre changes: nothing of the last one's page lingers.
  return <CentreScreen key={centreId} centreId={centreId} />;
}
