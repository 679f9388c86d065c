import { useState } from 'react';
import { COUNTY_API, IMPORT_MAX_BYTES, type ImportResponse } from '../../../shared/protocol/county';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { messageOf, type CountyMessage } from './errors';
import { useCountyTranslation } from './i18n';
import { useCounty } from './session';

/**
 * A revoked tablet's unsent changes, saved to a file on it, applied here.
 * Each change applies once: importing the same file again changes nothing.
 */
export function ImportScreen() {
  const { t } = useCountyTranslation();
  const fmt = useFormat();
  const { request } = useCounty();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [message, setMessage] = useState<CountyMessage | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!file) return setMessage({ key: 'import.pickFile' });
    if (file.size > IMPORT_MAX_BYTES) return setMessage({ key: 'errors.body_too_large' });
    setBusy(true);
    setMessage(null);
    setResult(null);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        setMessage({ key: 'errors.import_refused' });
        return;
      }
      setResult(await request<ImportResponse>(COUNTY_API.import, { method: 'POST', body: parsed }));
    } catch (error) {
      setMessage(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="county-page">
      <h1>{t('import.title')}</h1>
      <p class="lead">{t('import.intro')}</p>
      <form class="card form" onSubmit={submit} noValidate>
        <label class="field">
          <span>{t('import.file')}</span>
          <input
            type="file"
            accept="application/json,.json"
            data-testid="county-import-file"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setResult(null);
              setMessage(null);
            }}
          />
          <small>{t('import.fileHint', { mb: fmt.number(IMPORT_MAX_BYTES / 1024 / 1024) })}</small>
        </label>
        {message && (
          <p class="error-text" role="alert">
            {t(message.key, message.params ?? {})}
          </p>
        )}
        <div class="county-actions">
          <button type="submit" class="button button-primary" data-testid="county-import-submit" disabled={busy || !file}>
            <Icon name="sync" class={busy ? 'spin' : undefined} />
            {busy ? t('import.importing') : t('import.submit')}
          </button>
        </div>
      </form>
      {result && (
        <div class="card" role="status" data-testid="county-import-result">
          <h2>{t('import.done')}</h2>
          <dl class="facts">
            <dt>{t('import.applied')}</dt>
            <dd class="amount">{fmt.number(result.applied)}</dd>
            <dt>{t('import.alreadyApplied')}</dt>
            <dd class="amount">{fmt.number(result.alreadyApplied)}</dd>
            <dt>{t('import.refused')}</dt>
            <dd class="amount">{fmt.number(result.refused)}</dd>
          </dl>
          {result.refused > 0 && <p class="hint">{t('import.refusedHint')}</p>}
        </div>
      )}
    </section>
  );
}
