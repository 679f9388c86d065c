import { useState } from 'react';
import { COUNTY_API, type TabletInfo } from '../../../shared/protocol/county';
import { useFormat } from '../../ui/format';
import { messageOf, type CountyMessage } from './errors';
import { useCountyTranslation } from './i18n';
import { useCounty } from './session';

/**
 * The centre's tablets and what they last told the server. Revoking stops a
 * tablet at once (a lost or stolen one); what it had not sent can still come
 * in later as an exported file.
 */
export function TabletsPanel({ tablets, onChanged }: { tablets: TabletInfo[]; onChanged: () => void }) {
  const { t } = useCountyTranslation();
  const fmt = useFormat();
  const { request } = useCounty();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<CountyMessage | null>(null);
  const dash = t('tablets.never');

  async function revoke(id: string) {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await request(COUNTY_API.revokeDevice(id), { method: 'POST', body: {} });
      setConfirming(null);
      onChanged();
    } catch (error) {
      setMessage(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="county-tablets-title">
      <h2 id="county-tablets-title">{t('tablets.title')}</h2>
      {message && (
        <p class="error-text" role="alert">
          {t(message.key, message.params ?? {})}
        </p>
      )}
      {tablets.length === 0 ? (
        <p class="muted">{t('tablets.none')}</p>
      ) : (
        // Wider than a phone: it scrolls sideways, by finger or, once focused, by the arrow keys.
        <div class="county-scroll" role="region" aria-labelledby="county-tablets-title" tabIndex={0}>
          <table class="county-table" data-testid="county-tablets">
            <thead>
              <tr>
                <th scope="col">{t('tablets.number')}</th>
                <th scope="col">{t('tablets.name')}</th>
                <th scope="col">{t('tablets.enrolled')}</th>
                <th scope="col">{t('tablets.lastSync')}</th>
                <th scope="col">{t('tablets.appVersion')}</th>
                <th scope="col">{t('tablets.pending')}</th>
                <th scope="col">{t('tablets.state')}</th>
              </tr>
            </thead>
            <tbody>
              {tablets.map((tablet) => (
                <tr key={tablet.id} data-testid="county-tablet">
                  <td class="amount">{fmt.number(tablet.deviceNo)}</td>
                  <td>{tablet.name}</td>
                  <td>{fmt.dateTime(tablet.enrolledAt)}</td>
                  <td>{tablet.lastSyncAt ? fmt.dateTime(tablet.lastSyncAt) : dash}</td>
                  <td dir="ltr">{tablet.appVersion ?? dash}</td>
                  <td class="amount">{tablet.pendingCount == null ? dash : fmt.number(tablet.pendingCount)}</td>
                  <td>
                    {tablet.revokedAt ? (
                      <span class="badge badge-out">{t('tablets.revoked', { time: fmt.dateTime(tablet.revokedAt) })}</span>
                    ) : confirming === tablet.id ? (
                      <span class="county-confirm">
                        <span>{t('tablets.confirm')}</span>
                        <button type="button" class="button button-small county-danger" disabled={busy} onClick={() => void revoke(tablet.id)}>
                          {t('tablets.revokeYes')}
                        </button>
                        <button type="button" class="button button-small button-ghost" disabled={busy} onClick={() => setConfirming(null)}>
                          {t('cancel')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" class="button button-small" data-testid="county-revoke" onClick={() => setConfirming(tablet.id)}>
                        {t('tablets.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
