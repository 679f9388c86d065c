import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import type { Staff } from '../../../shared/domain/entities';
import { markReviewSeen, useFlaggedSales } from '../../data/queries/activity-reviews';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { tabletLabel } from './tablet-label';
import { tabletNameOf, type TabletName } from './tablet-names';

/**
 * Sales made offline by someone already deactivated: the server kept them
 * (the goods left the shop) and flagged them, so an admin looks first.
 */
export function FlaggedSales({ staff, tablets }: { staff: ReadonlyMap<string, Staff>; tablets: ReadonlyMap<string, TabletName> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const flagged = useFlaggedSales();
  if (!flagged || flagged.length === 0) return null;

  return (
    <div class="banner banner-danger flagged" role="region" aria-labelledby="flagged-title" data-testid="flagged-sales">
      <Icon name="warning" />
      <div class="banner-text">
        <strong id="flagged-title">{t('activity.flagged.title', { count: flagged.length, n: fmt.number(flagged.length) })}</strong>
        <span>{t('activity.flagged.explain')}</span>
        <ul class="list flagged-list">
          {flagged.map(({ review, sale }) => (
            <li key={review.id} class="flagged-row" data-testid="flagged-sale">
              <span class="list-row-main">
                <strong>
                  <bdi>{staff.get(review.staffId)?.name ?? t('activity.someone')}</bdi>
                  {' · '}
                  {sale ? (
                    <Link to="/sales/$saleId" params={{ saleId: sale.id }}>
                      <bdi dir="ltr">{sale.receiptNo}</bdi>
                    </Link>
                  ) : (
                    t('activity.flagged.saleNotHere')
                  )}
                </strong>
                <span class="muted">
                  {fmt.dateTime(sale?.createdAt ?? review.createdAt)} · {tabletLabel(t, tabletNameOf(tablets, review.deviceId, sale?.receiptNo))}
                </span>
              </span>
              {sale && <strong class="amount">{fmt.money(sale.totalFen)}</strong>}
              <button type="button" class="button button-small" data-testid="flagged-seen" onClick={() => void markReviewSeen(review.id)}>
                <Icon name="check" />
                {t('activity.flagged.seen')}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
