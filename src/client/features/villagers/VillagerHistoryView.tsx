import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Parcel } from '../../../shared/domain/parcels';
import { HISTORY_PAGE, useVillagerHistory } from '../../data/queries/villager-history';
import { Joined } from '../../ui/Joined';
import { Loading } from '../../ui/Loading';
import { ShowMore } from '../../ui/ShowMore';
import { useFormat } from '../../ui/format';
import { OlderHistoryNote } from '../orders/OlderHistoryNote';
import { StatusBadge } from '../orders/StatusBadge';

/**
 * A villager's orders and parcels on this tablet. Counter sales carry no
 * villager yet, so purchases are the assisted orders. Older history than the
 * tablet holds may exist only on the server: the note says so when it does.
 */
export function VillagerHistoryView({ villagerId }: { villagerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [ordersShown, setOrdersShown] = useState(HISTORY_PAGE);
  const history = useVillagerHistory(villagerId, ordersShown);
  const [doneShown, setDoneShown] = useState(HISTORY_PAGE);
  if (history === undefined) return <Loading />;

  const parcelRow = (p: Parcel) => (
    <li key={p.id}>
      <Link to="/parcels/$parcelId" params={{ parcelId: p.id }} className="list-row" data-testid="villager-parcel" data-status={p.status}>
      <span class="list-row-main">
        <strong dir="ltr">{p.trackingNo}</strong>
        <span class="muted">
          <Joined
            parts={[
              p.carrier,
              p.status === 'waiting'
                ? t('villagers.history.arrived', { date: fmt.dateTime(p.arrivedAt) })
                : p.status === 'collected' && p.collectedAt
                  ? t('villagers.history.collected', { date: fmt.dateTime(p.collectedAt) })
                  : t('villagers.history.returned'),
            ]}
          />
        </span>
      </span>
      {p.status === 'waiting' && (
        <span class="badge badge-low" dir="ltr">
          {p.pickupCode}
        </span>
      )}
      </Link>
    </li>
  );

  return (
    <>
      <div class="card" data-testid="villager-orders">
        <h2>{t('villagers.history.orders')}</h2>
        {history.orderCount === 0 ? (
          <p class="muted">{t('villagers.history.noOrders')}</p>
        ) : (
          <>
            <ul class="list">
              {history.orders.map((o) => (
                <li key={o.id}>
                  <Link to="/orders/$orderId" params={{ orderId: o.id }} className="list-row" data-testid="villager-order" data-status={o.status}>
                  <span class="list-row-main">
                    <strong>
                      <bdi>{fmt.name(history.platformNames.get(o.platformId) ?? {})}</bdi>
                    </strong>
                    {o.platformOrderNo && (
                      <span class="muted">
                        <bdi dir="ltr">{o.platformOrderNo}</bdi>
                      </span>
                    )}
                    <span class="muted">
                      <Joined parts={[t('villagers.history.orderLines', { count: o.lines.length, first: o.lines[0]?.name ?? '' }), fmt.dateTime(o.createdAt)]} />
                    </span>
                  </span>
                  <span class="order-row-side">
                    <strong class="amount">{fmt.money(o.totalFen)}</strong>
                    <StatusBadge status={o.status} />
                  </span>
                  </Link>
                </li>
              ))}
            </ul>
            <ShowMore
              total={history.orderCount}
              shown={history.orders.length}
              onMore={() => setOrdersShown(history.orders.length + HISTORY_PAGE)}
              testId="villager-orders-more"
            />
          </>
        )}
      </div>
      <div class="card" data-testid="villager-parcels">
        <h2>{t('villagers.history.waiting')}</h2>
        {history.waiting.length === 0 ? <p class="muted">{t('villagers.history.noWaiting')}</p> : <ul class="list">{history.waiting.map(parcelRow)}</ul>}
        <h2>{t('villagers.history.done')}</h2>
        {history.done.length === 0 ? (
          <p class="muted">{t('villagers.history.noDone')}</p>
        ) : (
          <>
            <ul class="list">{history.done.slice(0, doneShown).map(parcelRow)}</ul>
            <ShowMore total={history.done.length} shown={doneShown} onMore={() => setDoneShown(doneShown + HISTORY_PAGE)} testId="villager-done-more" />
          </>
        )}
      </div>
      <OlderHistoryNote />
    </>
  );
}
