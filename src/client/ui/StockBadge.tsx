import { useTranslation } from 'react-i18next';
import { stockState } from '../../shared/domain/stock';

/** Level with a coloured state word: colour alone would not reach everyone. */
export function StockBadge({ level, lowStockThreshold }: { level: number; lowStockThreshold: number }) {
  const { t } = useTranslation();
  const state = stockState(level, { lowStockThreshold });
  return (
    <span class={`badge badge-${state}`} data-state={state}>
      {t(`stock.state.${state}`)}
    </span>
  );
}
