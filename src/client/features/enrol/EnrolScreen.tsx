import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enrolDevice } from '../../data/device';
import { toAppError } from '../../data/errors';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';

function defaultDeviceName(): string {
  const stamp = new Date().toISOString().slice(0, 10);
  return `Tablet ${stamp}`;
}

/** First run: the tablet joins a centre with a one-time code (needs the network once). */
export function EnrolScreen() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState(defaultDeviceName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (code.trim().length < 4) {
      setError('errors.enrol_code_invalid');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await enrolDevice(code.trim(), name.trim() || defaultDeviceName());
    } catch (e) {
      setError(`errors.${toAppError(e).code}`);
      setBusy(false);
    }
  }

  return (
    <main class="gate">
      <div class="gate-card">
        <div class="brand">
          <img src="/icons/icon-192.png" alt="" width={64} height={64} />
          <h1>{t('app.name')}</h1>
        </div>
        <p class="lead">{t('enrol.intro')}</p>
        <form onSubmit={submit} class="form" noValidate>
          <label class="field">
            <span>{t('enrol.code')}</span>
            <input
              data-testid="enrol-code"
              name="code"
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellcheck={false}
              inputMode="text"
              dir="ltr"
              aria-describedby="enrol-code-hint"
              aria-invalid={error !== null}
            />
            <small id="enrol-code-hint">{t('enrol.codeHint')}</small>
          </label>
          <label class="field">
            <span>{t('enrol.deviceName')}</span>
            <input name="deviceName" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={80} />
          </label>
          <ErrorText code={error} />
          <button type="submit" class="button button-primary button-large" data-testid="enrol-submit" disabled={busy}>
            <Icon name="key" />
            {busy ? t('enrol.enrolling') : t('enrol.submit')}
          </button>
          <p class="hint">{t('enrol.needsNetwork')}</p>
        </form>
        <LanguageSwitcher />
      </div>
    </main>
  );
}
