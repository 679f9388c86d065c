import { useTranslation } from '../i18n/use-translation';
import { stockState, type StockState } from '../../shared/domain/stock';

/** The badge itself, its word given: a list of many draws it without a translation hook per row. */
export function StockBadgeView({ state, word }: { state: StockState; word: string }) {
  return (
    <span class={`badge badge-${state}`} data-state={state}>
      {word}
    </span>
  );
}

/** Level with a coloured state word: colour alone would not reach everyone. */
export function StockBadge({ level, lowStockThreshold }: { level: number; lowStockThreshold: number }) {
  const { t } = useTranslation();
  const state = stockState(level, { lowStockThreshold });
  return <StockBadgeView state={state} word={t(`stock.state.${state}`)} />;
}
