import { useNavigate, useSearch } from '@tanstack/react-router';
import { guarded } from '../app/guarded';
import { ActivityScreen } from '../features/activity/ActivityScreen';
import type { ActivitySearch } from './activity-search';

export const ActivityRoute = guarded({ screen: 'activity' }, function Activity() {
  const search = useSearch({ from: '/activity' });
  const navigate = useNavigate();
  return <ActivityScreen search={search} onSearch={(next: ActivitySearch) => void navigate({ to: '/activity', search: next, replace: true })} />;
});
