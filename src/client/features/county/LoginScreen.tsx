import { useState } from 'react';
import { COUNTY_API, type CountySessionInfo } from '../../../shared/protocol/county';
import { Icon } from '../../ui/Icon';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { countyRequest } from './api';
import { messageOf, type CountyMessage } from './errors';
import { useCountyTranslation } from './i18n';
import { useCounty } from './session';

/** County staff sign in with a username and a password; the tablet's PIN pad is not for them. */
export function LoginScreen({ reason }: { reason?: 'session_expired' | 'offline' | undefined }) {
  const { t } = useCountyTranslation();
  const { signedIn } = useCounty();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<CountyMessage | null>(reason ? { key: `errors.${reason}` } : null);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setMessage({ key: 'login.missing' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const info = await countyRequest<CountySessionInfo>(COUNTY_API.login, { method: 'POST', body: { username, password } });
      signedIn(info);
    } catch (error) {
      setMessage(messageOf(error));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <main class="gate">
      <div class="gate-card">
        <div class="brand">
          <img src="/icons/icon-192.png" alt="" width={64} height={64} />
          <h1>{t('title')}</h1>
        </div>
        <p class="lead">{t('login.intro')}</p>
        <form class="form" onSubmit={submit} noValidate>
          <label class="field">
            <span>{t('login.username')}</span>
            <input
              name="username"
              data-testid="county-login-username"
              value={username}
              onInput={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              autoCapitalize="none"
              spellcheck={false}
              dir="ltr"
            />
          </label>
          <label class="field">
            <span>{t('login.password')}</span>
            <input
              type="password"
              name="password"
              data-testid="county-login-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              dir="ltr"
            />
          </label>
          {message && (
            <p class="error-text" role="alert" data-testid="county-login-error">
              {t(message.key, message.params ?? {})}
            </p>
          )}
          <button type="submit" class="button button-primary button-large" data-testid="county-login-submit" disabled={busy}>
            <Icon name="key" />
            {busy ? t('login.signingIn') : t('login.submit')}
          </button>
          <p class="hint">{t('login.onlineOnly')}</p>
        </form>
        <LanguageSwitcher />
      </div>
    </main>
  );
}
