import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useRecentParcels, useWaitingParcels, WAITING_PAGE } from '../../data/queries/parcels';
import { Icon } from '../../ui/Icon';
import { Joined } from '../../ui/Joined';
import { Loading } from '../../ui/Loading';
import { ShowMore } from '../../ui/ShowMore';
import { useFormat } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { useCentreSettings } from '../../data/queries/settings';
import { daysWaiting, FIGURES_DAYS, isOverdue, parcelFigures } from './parcel-figures';

const DAY_MS = 24 * 60 * 60 * 1000;

function Figures({ nowMs, returnAfterDays }: { nowMs: number; returnAfterDays: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // A day's resolution is enough for the window, and keeps the live query's key the same all day.
  const since = new Date((Math.floor(nowMs / DAY_MS) - FIGURES_DAYS) * DAY_MS).toISOString();
  const recent = useRecentParcels(since);
  if (!recent) return null;
  const f = parcelFigures(recent, nowMs, returnAfterDays);
  const pct = (share: number) => `${fmt.number(Math.round(share * 100))}%`;
  return (
    <div class="card" data-testid="parcel-figures">
      <h2>{t('parcels.figures', { n: fmt.number(FIGURES_DAYS) })}</h2>
      <div class="summary parcel-figures">
        <div>
          <span class="muted">{t('parcels.arrived')}</span>
          <strong data-testid="figure-arrived">{fmt.number(f.arrived)}</strong>
        </div>
        <div>
          <span class="muted">{t('parcels.sameDay')}</span>
          <strong data-testid="figure-same-day">{pct(f.sameDay)}</strong>
        </div>
        <div>
          <span class="muted">{t('parcels.withinTwoDays')}</span>
          <strong data-testid="figure-two-days">{pct(f.withinTwoDays)}</strong>
        </div>
        <div>
          <span class="muted">{t('parcels.returnedShare')}</span>
          <strong data-testid="figure-returned">{pct(f.returned)}</strong>
        </div>
      </div>
      {f.overdue > 0 && (
        <p class="notice" data-testid="parcels-overdue">
          {t('parcels.overdue', { count: f.overdue, n: fmt.number(f.overdue), days: fmt.number(returnAfterDays) })}
        </p>
      )}
    </div>
  );
}

/** Parcels waiting on the shelf, oldest first with how long each has waited; the figures; log a new one. */
export function ParcelsScreen() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow(60_000);
  const { returnAfterDays } = useCentreSettings();
  // Rows shown: the first page, one more per "show more" (each read with its villagers as it comes).
  const [shown, setShown] = useState(WAITING_PAGE);
  const waiting = useWaitingParcels(shown);

  return (
    <section class="screen">
      <div class="row-between screen-head">
        <h1>{t('parcels.title')}</h1>
        <Link to="/parcels/new" search={{}} className="button button-primary" data-testid="log-parcel">
          <Icon name="plus" /> {t('parcels.log')}
        </Link>
      </div>
      <Figures nowMs={now} returnAfterDays={returnAfterDays} />
      <h2>{t('parcels.waiting')}</h2>
      {waiting === undefined ? (
        <Loading />
      ) : waiting.total === 0 ? (
        <p class="empty">{t('parcels.noneWaiting')}</p>
      ) : (
        <>
          <ul class="list" data-testid="waiting-list">
            {waiting.rows.map(({ parcel, customer }) => {
              const days = daysWaiting(parcel, now);
              const overdue = isOverdue(parcel, now, returnAfterDays);
              return (
                <li key={parcel.id}>
                  <Link
                    to="/parcels/$parcelId"
                    params={{ parcelId: parcel.id }}
                    className={overdue ? 'list-row parcel-row order-row-flagged' : 'list-row parcel-row'}
                    data-testid="parcel-row"
                    data-tracking={parcel.trackingNo}
                  >
                    <Icon name="parcel" />
                    <span class="list-row-main">
                      <strong>
                        <bdi>{customer?.name ?? t('parcels.noVillager')}</bdi>
                      </strong>
                      <span class="muted">
                        <Joined parts={[{ ltr: parcel.trackingNo }, parcel.carrier]} />
                      </span>
                    </span>
                    <span class={overdue ? 'badge badge-low' : 'badge badge-ok'} data-testid="parcel-age">
                      {days === 0 ? t('parcels.today') : t('parcels.days', { count: days, n: fmt.number(days) })}
                    </span>
                    <Icon name="back" class="flip-ltr" />
                  </Link>
                </li>
              );
            })}
          </ul>
          <ShowMore total={waiting.total} shown={waiting.rows.length} onMore={() => setShown(waiting.rows.length + WAITING_PAGE)} testId="parcels-show-more" />
        </>
      )}
    </section>
  );
}
