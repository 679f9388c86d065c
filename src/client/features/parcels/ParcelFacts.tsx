import { Link } from '@tanstack/react-router';
import { useTranslation } from '../../i18n/use-translation';
import type { ParcelDetail } from '../../data/queries/parcels';
import { useStaffList } from '../../data/queries/staff';
import { useFormat } from '../../ui/format';
import { Joined } from '../../ui/Joined';

/** Tracking number, carrier, when it came, its order, and how it left. */
export function ParcelFacts({ detail }: { detail: ParcelDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const staff = useStaffList();
  const { parcel, order } = detail;
  const collector = parcel.collectedBy ? staff?.find((s) => s.id === parcel.collectedBy)?.name : undefined;
  return (
    <div class="card">
      <dl class="facts">
        <dt>{t('parcels.trackingNo')}</dt>
        <dd>
          <bdi dir="ltr" data-testid="parcel-tracking-shown">
            {parcel.trackingNo}
          </bdi>
        </dd>
        {parcel.carrier && (
          <>
            <dt>{t('parcels.carrierShown')}</dt>
            <dd>
              <bdi>{parcel.carrier}</bdi>
            </dd>
          </>
        )}
        <dt>{t('parcels.arrivedAt')}</dt>
        <dd>{fmt.dateTime(parcel.arrivedAt)}</dd>
        {order && (
          <>
            <dt>{t('parcels.order')}</dt>
            <dd>
              <Link to="/orders/$orderId" params={{ orderId: order.id }} data-testid="parcel-order-link">
                <Joined parts={[order.lines[0]?.name ?? '', { ltr: fmt.money(order.totalFen) }, t(`orders.status.${order.status}`)]} />
              </Link>
            </dd>
          </>
        )}
        {parcel.collectedAt && (
          <>
            <dt>{t('parcels.collectedAt')}</dt>
            <dd data-testid="parcel-collected-at">
              <Joined parts={[fmt.dateTime(parcel.collectedAt), collector ?? '', parcel.handoverMethod ? t(`parcels.method.${parcel.handoverMethod}`) : '']} />
            </dd>
          </>
        )}
        {parcel.returnedAt && (
          <>
            <dt>{t('parcels.returnedAt')}</dt>
            <dd>{fmt.dateTime(parcel.returnedAt)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
