import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { normaliseTrackingNo, parcelIdFor, TRACKING_NO_PATTERN } from '../../../shared/domain/deterministic-id';
import type { Parcel } from '../../../shared/domain/parcels';
import { logParcel } from '../../data/commands/parcel-log';
import { useParcelByTracking } from '../../data/queries/parcels';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { useAction } from '../orders/useAction';
import { VillagerPicker } from '../orders/VillagerPicker';
import { ScanButton } from '../scan/ScanButton';
import { OpenOrderChoice } from './OpenOrderChoice';

const CARRIER_MAX = 40;

/** The tracking number as it will be stored, or '' while it cannot be one. */
function normalisedTracking(typed: string): string {
  const trackingNo = normaliseTrackingNo(typed.normalize('NFKC'));
  return TRACKING_NO_PATTERN.test(trackingNo) ? trackingNo : '';
}

/**
 * A parcel arrived from the county: its tracking number (typed, or scanned
 * by a scanner that types and presses Enter), the carrier, and whose it is
 * (a villager, and one of their open orders if it is for one). A number
 * already logged is caught while typing, with a link to that parcel.
 */
export function ParcelLogForm({ customerId, orderId, onSaved }: { customerId: string | null; orderId: string | null; onSaved(parcel: Parcel): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [tracking, setTracking] = useState('');
  const [carrier, setCarrier] = useState('');
  const [villager, setVillager] = useState<string | null>(customerId);
  const [order, setOrder] = useState<string | null>(orderId);
  const [trackingError, setTrackingError] = useState<string | null>(null);
  const { busy, message, run } = useAction();
  const carrierRef = useRef<HTMLInputElement>(null);

  const trackingNo = normalisedTracking(tracking);
  const duplicate = useParcelByTracking(trackingNo ? parcelIdFor(trackingNo) : null);

  async function save() {
    if (!trackingNo) {
      setTrackingError('parcels.errors.trackingInvalid');
      return;
    }
    if (duplicate) return;
    await run(async () => onSaved(await logParcel({ trackingNo, carrier: carrier.trim().slice(0, CARRIER_MAX), customerId: villager, orderId: villager ? order : null })));
  }

  return (
    <form class="form" noValidate data-testid="parcel-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <div class="card form">
        <label class="field">
          <span>{t('parcels.trackingNo')}</span>
          <small>{t('parcels.trackingHint')}</small>
          <input
            data-testid="parcel-tracking"
            dir="ltr"
            autoComplete="off"
            autoFocus
            value={tracking}
            aria-invalid={!!trackingError || !!duplicate}
            onInput={(e) => {
              setTracking(e.currentTarget.value);
              setTrackingError(null);
            }}
            onKeyDown={(e) => {
              // A scanner ends with Enter: take the number and go on to the next field rather than save half a form.
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (!normalisedTracking(e.currentTarget.value)) setTrackingError('parcels.errors.trackingInvalid');
              else carrierRef.current?.focus();
            }}
          />
          {trackingNo && trackingNo !== tracking && (
            <small>
              {t('parcels.savedAs')} <bdi dir="ltr">{trackingNo}</bdi>
            </small>
          )}
          <ErrorText code={trackingError} />
        </label>
        <ScanButton
          purpose="parcel"
          wide
          testId="scan-tracking"
          onCode={(code) => {
            if (!normalisedTracking(code)) return t('scan.notTracking');
            setTracking(code);
            setTrackingError(null);
            carrierRef.current?.focus();
            return null;
          }}
        />
        {duplicate && (
          <div class="notice" role="alert" data-testid="parcel-duplicate">
            <p>
              <Icon name="warning" /> {t('parcels.duplicate', { at: fmt.dateTime(duplicate.arrivedAt), status: t(`parcels.status.${duplicate.status}`) })}
            </p>
            <Link to="/parcels/$parcelId" params={{ parcelId: duplicate.id }} className="button" data-testid="parcel-duplicate-open">
              {t('parcels.openDuplicate')}
            </Link>
          </div>
        )}
        <label class="field">
          <span>{t('parcels.carrier')}</span>
          <input ref={carrierRef} data-testid="parcel-carrier" dir="auto" maxLength={CARRIER_MAX} value={carrier} onInput={(e) => setCarrier(e.currentTarget.value)} />
        </label>
      </div>
      <div class="card form">
        <VillagerPicker
          value={villager}
          onChange={(id) => {
            setVillager(id);
            setOrder(null);
          }}
        />
        {villager && <OpenOrderChoice customerId={villager} value={order} onChange={setOrder} />}
      </div>
      <ErrorText code={message?.key} params={message?.params} />
      <button type="submit" class="button button-primary button-large" data-testid="parcel-save" disabled={busy || !!duplicate}>
        {busy ? t('common.saving') : t('parcels.save')}
      </button>
    </form>
  );
}
