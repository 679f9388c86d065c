import { useParams } from '@tanstack/react-router';
import { VariantScreen } from '../features/county/VariantScreen';
import { VariantsScreen } from '../features/county/VariantsScreen';

export function CountyVariantsRoute() {
  const { packId } = useParams({ from: '/county/packs/$packId/variants' });
  return <VariantsScreen packId={packId} />;
}

export function CountyVariantRoute() {
  const { packId, centreId, lessonId } = useParams({ from: '/county/packs/$packId/variants/$centreId/$lessonId' });
  return <VariantScreen packId={packId} centreId={centreId} lessonId={lessonId} />;
}
