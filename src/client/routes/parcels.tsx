import '../features/orders/orders.css';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from '../i18n/use-translation';
import { guarded } from '../app/guarded';
import { ParcelLogForm } from '../features/parcels/ParcelLogForm';
import { ParcelScreen } from '../features/parcels/ParcelScreen';
import { ParcelsScreen } from '../features/parcels/ParcelsScreen';

export const ParcelsRoute = guarded({ screen: 'parcels' }, ParcelsScreen);

export const ParcelNewRoute = guarded({ screen: 'parcels', run: 'parcel.log' }, function ParcelNew() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/parcels/new' });
  const navigate = useNavigate();
  return (
    <section class="screen">
      <h1>{t('parcels.log')}</h1>
      <ParcelLogForm
        customerId={search.customerId ?? null}
        orderId={search.orderId ?? null}
        onSaved={(parcel) => void navigate({ to: '/parcels/$parcelId', params: { parcelId: parcel.id }, replace: true })}
      />
    </section>
  );
});

export const ParcelRoute = guarded({ screen: 'parcels' }, function Parcel() {
  const { parcelId } = useParams({ from: '/parcels/$parcelId' });
  return <ParcelScreen parcelId={parcelId} />;
});
