import { guarded } from '../app/guarded';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { StockScreen } from '../features/stock/StockScreen';
import type { StockSearch } from './search';

export const StockRoute = guarded({ screen: 'stock' }, function Stock() {
  const search = useSearch({ from: '/stock' });
  const navigate = useNavigate();
  return <StockScreen filter={search.filter ?? null} onFilter={(next: StockSearch) => void navigate({ to: '/stock', search: next, replace: true })} />;
});
