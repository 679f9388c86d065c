import { useParams, useSearch } from '@tanstack/react-router';
import '../features/training/training.css';
import { guarded } from '../app/guarded';
import { LessonPlayer } from '../features/training/LessonPlayer';
import { PackScreen } from '../features/training/PackScreen';
import { TrainingScreen } from '../features/training/TrainingScreen';

export const TrainingRoute = guarded({ screen: 'training' }, TrainingScreen);

export const TrainingPackRoute = guarded({ screen: 'training' }, function TrainingPack() {
  const { packId } = useParams({ from: '/training/$packId' });
  return <PackScreen packId={packId} />;
});

export const TrainingLessonRoute = guarded({ screen: 'training' }, function TrainingLesson() {
  const { packId, lessonId } = useParams({ from: '/training/$packId/$lessonId' });
  const { step } = useSearch({ from: '/training/$packId/$lessonId' });
  return <LessonPlayer packId={packId} lessonId={lessonId} step={step ?? 1} />;
});
