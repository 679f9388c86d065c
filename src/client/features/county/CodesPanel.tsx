import { useState } from 'react';
import { COUNTY_API, type CodeInfo, type IssuedCodeResponse } from '../../../shared/protocol/county';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { messageOf, type CountyMessage } from './errors';
import { useCountyTranslation } from './i18n';
import { QrCode } from './QrCode';
import { useCounty } from './session';

function codeState(code: CodeInfo, now: number): 'used' | 'expired' | 'open' {
  if (code.usedAt) return 'used';
  return Date.parse(code.expiresAt) <= now ? 'expired' : 'open';
}

/**
 * One-time codes that join a tablet to this centre. The code's text exists
 * only in this answer (the server keeps its hash): shown once, as text to
 * read aloud and as a QR code.
 */
export function CodesPanel({ centreId, codes, onChanged }: { centreId: string; codes: CodeInfo[]; onChanged: () => void }) {
  const { t } = useCountyTranslation();
  const fmt = useFormat();
  const { request } = useCounty();
  const [issued, setIssued] = useState<IssuedCodeResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<CountyMessage | null>(null);
  const now = Date.now();

  async function issue() {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      setIssued(await request<IssuedCodeResponse>(COUNTY_API.codes(centreId), { method: 'POST', body: {} }));
      onChanged();
    } catch (error) {
      setMessage(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="county-codes-title">
      <div class="row-between">
        <h2 id="county-codes-title">{t('codes.title')}</h2>
        <button type="button" class="button button-primary" data-testid="county-new-code" disabled={busy} onClick={() => void issue()}>
          <Icon name="key" />
          {t('codes.new')}
        </button>
      </div>
      <p class="hint">{t('codes.intro')}</p>
      {message && (
        <p class="error-text" role="alert">
          {t(message.key, message.params ?? {})}
        </p>
      )}
      {issued && (
        <div class="county-code" data-testid="county-issued">
          <QrCode text={issued.code} label={t('codes.qrLabel', { code: issued.code })} />
          <div class="county-code-text">
            <span class="muted">{t('codes.yourCode')}</span>
            <strong dir="ltr" data-testid="county-code">
              {issued.code}
            </strong>
            <span>{t('codes.validUntil', { time: fmt.dateTime(issued.expiresAt) })}</span>
            <small>{t('codes.onlyOnce')}</small>
          </div>
        </div>
      )}
      {codes.length > 0 && (
        <div class="county-scroll" role="region" aria-labelledby="county-codes-title" tabIndex={0}>
          <table class="county-table">
            <thead>
              <tr>
                <th scope="col">{t('codes.created')}</th>
                <th scope="col">{t('codes.expires')}</th>
                <th scope="col">{t('codes.state')}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((code) => {
                const state = codeState(code, now);
                return (
                  <tr key={code.createdAt + code.expiresAt}>
                    <td>{fmt.dateTime(code.createdAt)}</td>
                    <td>{fmt.dateTime(code.expiresAt)}</td>
                    <td>
                      <span class={state === 'open' ? 'badge badge-ok' : 'badge badge-out'}>
                        {state === 'used' ? t('codes.used', { time: fmt.dateTime(code.usedAt!) }) : t(`codes.${state}`)}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
