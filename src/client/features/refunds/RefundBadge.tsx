import { useTranslation } from '../../i18n/use-translation';
import type { RefundTotals } from '../../../shared/domain/counter';
import './refunds.css';

/** A sale's mark in the sales list: voided, or (partly) refunded; nothing when untouched. */
export function RefundBadge({ totals }: { totals: RefundTotals | undefined }) {
  const { t } = useTranslation();
  if (!totals) return null;
  if (totals.voided) {
    return (
      <span class="badge badge-voided" data-testid="sale-badge-voided">
        {t('refunds.badge.voided')}
      </span>
    );
  }
  if (!totals.qtyByLine.some((q) => q > 0)) return null;
  return (
    <span class="badge badge-low" data-testid="sale-badge-refunded">
      {t('refunds.badge.refunded')}
    </span>
  );
}
