import { useParams } from '@tanstack/react-router';
import '../features/training/training.css';
import { guarded } from '../app/guarded';
import { VariantEditor } from '../features/training/variants/VariantEditor';

/** /training/:packId/:lessonId/adapt: a trainer or admin adapts the lesson for this centre. */
export const TrainingVariantRoute = guarded({ screen: 'training', run: 'training.variantSave' }, function TrainingVariant() {
  const { packId, lessonId } = useParams({ from: '/training/$packId/$lessonId/adapt' });
  return <VariantEditor packId={packId} lessonId={lessonId} />;
});
