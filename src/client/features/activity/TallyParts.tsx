import { useTranslation } from '../../i18n/use-translation';
import { useFormat } from '../../ui/format';
import type { Tally } from './activity-days';

/** What a tally holds, in words, leaving out what is zero: "3 sales · ¥80.00 · 1 delivery received". */
export function TallyParts({ tally, testId }: { tally: Tally; testId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const parts: { key: string; text: string }[] = [];
  const count = (key: string, n: number) => {
    if (n > 0) parts.push({ key, text: t(`activity.count.${key}`, { count: n, n: fmt.number(n) }) });
  };
  count('sales', tally.sales);
  if (tally.sales > 0) parts.push({ key: 'salesFen', text: fmt.money(tally.salesFen) });
  count('receipts', tally.receipts);
  count('adjustments', tally.adjustments);
  count('productsAdded', tally.productsAdded);
  count('staffAdded', tally.staffAdded);
  return (
    <span class="tally" data-testid={testId}>
      {parts.map((p, i) => (
        <span key={p.key} class={p.key === 'salesFen' ? 'tally-part amount' : 'tally-part'} data-part={p.key}>
          {i > 0 && <span class="tally-sep" aria-hidden="true"> · </span>}
          {p.text}
        </span>
      ))}
    </span>
  );
}
