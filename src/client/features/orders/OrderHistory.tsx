import { useTranslation } from '../../i18n/use-translation';
import type { Staff } from '../../../shared/domain/entities';
import { useDevice } from '../../data/device';
import type { Order } from '../../data/queries/order-types';
import { useFormat } from '../../ui/format';
import { tabletLabel } from '../activity/tablet-label';
import { tabletNameOf, tabletNames } from '../activity/tablet-names';
import { StatusBadge } from './StatusBadge';

/** Every status the order went through: when, who, on which tablet; an overtaken step says so. */
export function OrderHistory({ order, staff }: { order: Order; staff: ReadonlyMap<string, Staff> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const device = useDevice();
  const names = tabletNames([], device ? { deviceId: device.deviceId, deviceNo: device.deviceNo, name: device.name } : null);
  return (
    <ol class="list order-history" data-testid="order-history">
      {order.history.map((entry) => (
        <li
          key={entry.mutationId}
          class={entry.supersededBy ? 'list-row history-row history-overtaken' : 'list-row history-row'}
          data-testid="history-row"
          data-status={entry.status}
          data-overtaken={entry.supersededBy ? 'true' : undefined}
        >
          <StatusBadge status={entry.status} />
          <span class="list-row-main">
            <span>
              <bdi>{staff.get(entry.staffId)?.name ?? t('orders.someone')}</bdi> · <bdi>{tabletLabel(t, tabletNameOf(names, entry.deviceId))}</bdi>
            </span>
            <span class="muted">
              <bdi>{fmt.dateTime(entry.at)}</bdi>
            </span>
            {entry.supersededBy && <span class="muted">{t('orders.overtakenEntry')}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
