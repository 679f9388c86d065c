import { useState } from 'react';
import { ADMIN_PIN_PATTERN, COUNTY_API, type CentreAdminInfo } from '../../../shared/protocol/county';
import { messageOf, type CountyMessage } from './errors';
import { useCountyTranslation } from './i18n';
import { PinField } from './PinField';
import { useCounty } from './session';

function ResetPin({ centreId, admin, onDone }: { centreId: string; admin: CentreAdminInfo; onDone: () => void }) {
  const { t } = useCountyTranslation();
  const { request } = useCounty();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<CountyMessage | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!ADMIN_PIN_PATTERN.test(pin)) return setMessage({ key: 'pin.sixDigits' });
    setBusy(true);
    setMessage(null);
    try {
      await request(COUNTY_API.staffPin(centreId, admin.id), { method: 'POST', body: { pin } });
      onDone();
    } catch (error) {
      setMessage(messageOf(error));
      setBusy(false);
    }
  }

  return (
    <form class="form county-inline-form" onSubmit={submit} noValidate>
      <PinField value={pin} onChange={setPin} testId="county-reset-pin" />
      {message && (
        <p class="error-text" role="alert">
          {t(message.key, message.params ?? {})}
        </p>
      )}
      <button type="submit" class="button button-primary button-small" disabled={busy}>
        {t('admins.setPin')}
      </button>
    </form>
  );
}

/**
 * The centre's admins. Forgetting the PIN locks an admin out of every
 * tablet; the county sets a new one here, and the tablets get it on their
 * next sync.
 */
export function AdminsPanel({ centreId, admins }: { centreId: string; admins: CentreAdminInfo[] }) {
  const { t } = useCountyTranslation();
  const [resetting, setResetting] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <section class="card" aria-labelledby="county-admins-title">
      <h2 id="county-admins-title">{t('admins.title')}</h2>
      {admins.length === 0 && <p class="muted">{t('admins.none')}</p>}
      <ul class="list">
        {admins.map((admin) => (
          <li key={admin.id} class="county-admin">
            <div class="row-between">
              <strong>{admin.name}</strong>
              {!admin.active && <span class="badge badge-out">{t('admins.inactive')}</span>}
              {resetting !== admin.id && (
                <button
                  type="button"
                  class="button button-small"
                  onClick={() => {
                    setResetting(admin.id);
                    setDone(null);
                  }}
                >
                  {t('admins.resetPin')}
                </button>
              )}
            </div>
            {resetting === admin.id && (
              <ResetPin
                centreId={centreId}
                admin={admin}
                onDone={() => {
                  setResetting(null);
                  setDone(admin.id);
                }}
              />
            )}
            {done === admin.id && (
              <p class="notice notice-ok" role="status">
                {t('admins.pinSet', { name: admin.name })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
