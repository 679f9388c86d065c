import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { OrderStatus } from '../../../shared/domain/order-status';
import { transitionOrder } from '../../data/commands/order-transition';
import { useDevice } from '../../data/device';
import { AWAITING_PARCEL, useOrder } from '../../data/queries/orders';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { nextStatuses, overtakenHere } from './order-flags';
import { OrderHistory } from './OrderHistory';
import { OrderSummary } from './OrderSummary';
import { StatusBadge } from './StatusBadge';
import { useAction } from './useAction';

/** Moves that end an order: asked twice. */
const FINAL: readonly OrderStatus[] = ['cancelled', 'returned'];

/**
 * One order: what was bought, its status with the next legal moves as big
 * buttons, its parcels, and its history. When another tablet's change
 * overtook one made here, a notice says so.
 */
export function OrderScreen({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const detail = useOrder(orderId);
  const device = useDevice();
  const { busy, message, run } = useAction();
  const [confirm, setConfirm] = useState<OrderStatus | null>(null);

  if (detail === undefined) return <Loading />;
  if (detail === null) return <p class="empty">{t('orders.notFound')}</p>;
  const { order, customer, parcels, staff } = detail;
  const overtaken = device ? overtakenHere(order, device.deviceId) : [];
  const waitingParcel = parcels.find((p) => p.status === 'waiting');
  // The status this screen shows is the `from` of the move: the shared rule sorts out a change made elsewhere meanwhile.
  const shownStatus = order.status;
  const move = (to: OrderStatus) => void run(() => transitionOrder(order.id, shownStatus, to)).then(() => setConfirm(null));

  return (
    <section class="screen">
      <Link to="/orders" search={{}} className="button button-ghost button-small back-link">
        <Icon name="back" class="flip-rtl" />
        {t('orders.title')}
      </Link>
      <div class="row-between screen-head">
        <h1>
          <bdi>{customer?.name ?? t('orders.unknownVillager')}</bdi>
        </h1>
        <StatusBadge status={order.status} />
      </div>

      {overtaken.map((entry) => (
        <p key={entry.mutationId} class="notice order-overtaken" role="status" data-testid="order-overtaken">
          <Icon name="warning" />{' '}
          {t('orders.overtaken', { status: t(`orders.status.${entry.status}`), now: t(`orders.status.${order.status}`), at: fmt.dateTime(entry.at) })}
        </p>
      ))}

      <OrderSummary detail={detail} />

      <div class="actions order-actions" data-testid="order-actions">
        {nextStatuses(order.status).map((to) => {
          if (to === 'collected' && waitingParcel) {
            return (
              <Link key={to} to="/parcels/$parcelId" params={{ parcelId: waitingParcel.id }} className="button button-large button-primary" data-testid="order-handover">
                <Icon name="parcel" /> {t('orders.handoverParcel')}
              </Link>
            );
          }
          const final = FINAL.includes(to);
          return (
            <button
              type="button"
              key={to}
              class={final ? 'button button-large' : 'button button-large button-primary'}
              data-testid={`order-to-${to}`}
              disabled={busy}
              onClick={() => (final ? setConfirm(to) : move(to))}
            >
              {t(`orders.action.${to}`)}
            </button>
          );
        })}
        {AWAITING_PARCEL.includes(order.status) && (
          <Link to="/parcels/new" search={{ customerId: order.customerId, orderId: order.id }} className="button button-large" data-testid="order-log-parcel">
            <Icon name="parcel" /> {t('orders.logParcel')}
          </Link>
        )}
        {order.depositFen > 0 && (
          <Link to="/orders/$orderId/deposit" params={{ orderId: order.id }} className="button button-large" data-testid="order-deposit-receipt">
            <Icon name="receipt" /> {t('receipts.depositLink')}
          </Link>
        )}
      </div>
      {confirm && (
        <div class="confirm" role="alertdialog" aria-labelledby="order-confirm-text">
          <p id="order-confirm-text">{t(`orders.confirm.${confirm}`)}</p>
          <div class="actions">
            <button type="button" class="button button-large" onClick={() => setConfirm(null)}>
              {t('orders.confirmNo')}
            </button>
            <button type="button" class="button button-large button-danger" data-testid="order-confirm" disabled={busy} onClick={() => move(confirm)}>
              {t(`orders.action.${confirm}`)}
            </button>
          </div>
        </div>
      )}
      <ErrorText code={message?.key} params={message?.params} />

      {parcels.length > 0 && (
        <>
          <h2>{t('orders.parcels')}</h2>
          <ul class="list">
            {parcels.map((p) => (
              <li key={p.id}>
                <Link to="/parcels/$parcelId" params={{ parcelId: p.id }} className="list-row" data-testid="order-parcel">
                  <Icon name="parcel" />
                  <span class="list-row-main">
                    <strong>
                      <bdi dir="ltr">{p.trackingNo}</bdi>
                    </strong>
                    <span class="muted">{t(`parcels.status.${p.status}`)}</span>
                  </span>
                  <Icon name="back" class="flip-ltr" />
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('orders.history')}</h2>
      <OrderHistory order={order} staff={staff} />
    </section>
  );
}
