import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { returnParcel } from '../../data/commands/parcel-return';
import { useParcel } from '../../data/queries/parcels';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { PanelButtons, type PanelChoice } from '../../ui/PanelButtons';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { useAction } from '../orders/useAction';
import { HandoverPanel } from './HandoverPanel';
import { MatchPanel } from './MatchPanel';
import { daysWaiting } from './parcel-figures';
import { ParcelFacts } from './ParcelFacts';
import { PhoneHandoverPanel } from './PhoneHandoverPanel';

type Panel = 'code' | 'phone' | 'match' | 'return';

const PANELS: readonly PanelChoice<Panel>[] = [
  { panel: 'code', icon: 'check', label: 'parcels.byCode' },
  { panel: 'phone', icon: 'user', label: 'parcels.byPhone' },
  { panel: 'match', icon: 'users', label: 'parcels.match' },
  { panel: 'return', icon: 'truck', label: 'parcels.return' },
];

/** One parcel: its pickup code large, whose it is, and (while it waits) hand over, match or send back. */
export function ParcelScreen({ parcelId }: { parcelId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow(60_000);
  const detail = useParcel(parcelId);
  const [panel, setPanel] = useState<Panel | null>('code');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, message, run } = useAction();

  if (detail === undefined) return <Loading />;
  if (detail === null) return <p class="empty">{t('parcels.notFound')}</p>;
  const { parcel, customer } = detail;
  const waiting = parcel.status === 'waiting';
  const done = (key: string) => {
    setPanel(null);
    setSaved(key);
  };
  const days = daysWaiting(parcel, now);

  return (
    <section class="screen">
      <Link to="/parcels" className="button button-ghost button-small back-link">
        <Icon name="back" class="flip-rtl" />
        {t('parcels.title')}
      </Link>
      <div class="row-between screen-head">
        <h1>
          <bdi>{customer?.name ?? t('parcels.noVillager')}</bdi>
        </h1>
        <span class={`badge badge-parcel-${parcel.status}`} data-testid="parcel-status" data-status={parcel.status}>
          {t(`parcels.status.${parcel.status}`)}
        </span>
      </div>
      {waiting && (
        <div class="card pickup-code-card">
          <span class="muted">{t('parcels.pickupCode')}</span>
          <strong class="pickup-code" dir="ltr" data-testid="parcel-pickup-code">
            {parcel.pickupCode}
          </strong>
          <span class="muted">{days === 0 ? t('parcels.arrivedToday') : t('parcels.waitingDays', { count: days, n: fmt.number(days) })}</span>
        </div>
      )}
      {saved && (
        <p class="notice notice-ok" role="status" data-testid="parcel-saved">
          <Icon name="check" /> {t(saved)}
        </p>
      )}
      <ParcelFacts detail={detail} />
      {waiting && (
        <>
          <PanelButtons
            panels={PANELS}
            open={panel}
            testIdPrefix="parcel-open-"
            onToggle={(next) => {
              setSaved(null);
              setPanel(next);
            }}
          />
          {panel === 'code' && <HandoverPanel parcelId={parcel.id} onDone={() => done('parcels.handedOver')} />}
          {panel === 'phone' && <PhoneHandoverPanel parcelId={parcel.id} onDone={() => done('parcels.handedOver')} />}
          {panel === 'match' && <MatchPanel parcelId={parcel.id} customerId={parcel.customerId} onDone={() => done('parcels.matched')} />}
          {panel === 'return' && (
            <div class="confirm" data-testid="return-confirm">
              <p>{t('parcels.returnConfirm')}</p>
              <ErrorText code={message?.key} params={message?.params} />
              <button
                type="button"
                class="button button-large button-danger"
                data-testid="parcel-return"
                disabled={busy}
                onClick={() => void run(() => returnParcel(parcel.id)).then((ok) => ok && done('parcels.returned'))}
              >
                {t('parcels.return')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
