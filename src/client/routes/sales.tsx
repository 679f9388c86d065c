import { guarded } from '../app/guarded';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { SalesScreen } from '../features/sales/SalesScreen';
import type { SalesSearch } from './search';

export const SalesRoute = guarded({ screen: 'sales' }, function Sales() {
  const search = useSearch({ from: '/sales' });
  const navigate = useNavigate();
  return <SalesScreen search={search} onSearch={(next: SalesSearch) => void navigate({ to: '/sales', search: next, replace: true })} />;
});
