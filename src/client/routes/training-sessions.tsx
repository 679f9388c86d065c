import { useParams, useSearch } from '@tanstack/react-router';
import '../features/training/training.css';
import '../features/training/sessions/sessions.css';
import { guarded } from '../app/guarded';
import { CourseProgressScreen } from '../features/training/sessions/CourseProgressScreen';
import { SessionScreen } from '../features/training/sessions/SessionScreen';

export const TrainingProgressRoute = guarded({ screen: 'training' }, CourseProgressScreen);

export const TrainingSessionRoute = guarded({ screen: 'training' }, function TrainingSession() {
  const { sessionId } = useParams({ from: '/training-session/$sessionId' });
  const { part } = useSearch({ from: '/training-session/$sessionId' });
  return <SessionScreen sessionId={sessionId} part={part} />;
});
