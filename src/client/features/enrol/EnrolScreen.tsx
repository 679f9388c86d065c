import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { enrolDevice } from '../../data/enrol-device';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { useSaveOnce } from '../../ui/useSaveOnce';

/** First run: the tablet joins a centre with a one-time code (needs the network once). */
export function EnrolScreen() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  // Null until typed in: the suggested name follows the language picked here.
  const [name, setName] = useState<string | null>(null);
  const defaultName = t('enrol.defaultDeviceName', { date: new Date().toISOString().slice(0, 10) });
  const { saving: busy, error, errorParams, setError, run } = useSaveOnce();

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (code.trim().length < 4) {
      setError('errors.enrol_code_invalid');
      return;
    }
    await run(async () => {
      await enrolDevice(code.trim(), (name ?? defaultName).trim() || defaultName);
    });
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
            <input name="deviceName" value={name ?? defaultName} onInput={(e) => setName(e.currentTarget.value)} maxLength={80} />
          </label>
          <ErrorText code={error} params={errorParams} />
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
