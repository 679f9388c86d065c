import { useNavigate, useSearch } from '@tanstack/react-router';
import { StockScreen } from '../features/stock/StockScreen';
import type { StockSearch } from './search';

export function StockRoute() {
  const search = useSearch({ from: '/stock' });
  const navigate = useNavigate();
  return <StockScreen filter={search.filter ?? null} onFilter={(next: StockSearch) => void navigate({ to: '/stock', search: next, replace: true })} />;
}
