import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import {
  COUNTY_PACK_API,
  PACK_UPLOAD_MAX_BYTES,
  type PackImportResponse,
  type PackListResponse,
} from '../../../shared/packs/pack-api';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { packFailureOf, type PackFailure } from './errors';
import { LoadFailed } from './LoadFailed';
import { useCountyTranslation } from './i18n';
import { useCounty } from './session';
import { useLoad } from './useLoad';

/** Megabytes with one decimal: what a person compares pack sizes by. */
const megabytes = (bytes: number) => Math.round(bytes / 104_857.6) / 10;

/**
 * Course packs for the centres' training: the newest version of each, and
 * the import of a pack zip. A changed pack becomes the next version; the
 * same pack again changes nothing. Tablets of every centre download them.
 */
export function PacksScreen() {
  const { t } = useCountyTranslation();
  const fmt = useFormat();
  const { request } = useCounty();
  const { loaded, reload } = useLoad('packs', () => request<PackListResponse>(COUNTY_PACK_API.packs));
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PackImportResponse | null>(null);
  const [failure, setFailure] = useState<PackFailure | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!file) return setFailure({ message: { key: 'packs.pickFile' } });
    if (file.size > PACK_UPLOAD_MAX_BYTES) return setFailure({ message: { key: 'errors.body_too_large' } });
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      setResult(await request<PackImportResponse>(COUNTY_PACK_API.packs, { method: 'POST', body: file }));
      reload();
    } catch (error) {
      setFailure(packFailureOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="county-page">
      <h1>{t('packs.title')}</h1>
      <p class="lead">{t('packs.intro')}</p>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'failed' && <LoadFailed error={loaded.error} onRetry={reload} />}
      {loaded.status === 'ready' &&
        (loaded.data.packs.length === 0 ? (
          <p class="empty">{t('packs.none')}</p>
        ) : (
          <div class="card" data-testid="county-packs">
            {loaded.data.packs.map((pack) => (
              <div class="county-admin" key={pack.id}>
                <strong>{fmt.name(pack.title)}</strong>
                <div class="muted">{fmt.name(pack.summary)}</div>
                <div class="muted">
                  <bdi>{t('packs.versionN', { n: fmt.number(pack.version) })}</bdi>
                  {' · '}
                  <bdi dir="ltr">{t('packs.megabytes', { mb: fmt.number(megabytes(pack.totalBytes)) })}</bdi>
                  {' · '}
                  <bdi>{t('packs.fileCount', { count: pack.fileCount, n: fmt.number(pack.fileCount) })}</bdi>
                  {' · '}
                  <bdi>{t('packs.importedAt', { when: fmt.dateTime(pack.importedAt) })}</bdi>
                </div>
                <Link to="/county/packs/$packId/variants" params={{ packId: pack.id }} className="county-pack-variants" data-testid="county-pack-variants">
                  {t('variants.link')}
                </Link>
              </div>
            ))}
          </div>
        ))}

      <form class="card form" onSubmit={submit} noValidate>
        <h2>{t('packs.importTitle')}</h2>
        <label class="field">
          <span>{t('packs.file')}</span>
          <input
            type="file"
            accept=".zip,application/zip"
            data-testid="county-pack-file"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setResult(null);
              setFailure(null);
            }}
          />
          <small>{t('packs.fileHint', { mb: fmt.number(PACK_UPLOAD_MAX_BYTES / 1024 / 1024) })}</small>
        </label>
        {failure && (
          <div class="error-text" role="alert" data-testid="county-pack-refused">
            <p>{t(failure.message.key, failure.message.params ?? {})}</p>
            {failure.detail && (
              <p class="muted">
                {t('packs.detail')} <bdi dir="ltr">{failure.detail}</bdi>
              </p>
            )}
          </div>
        )}
        <div class="county-actions">
          <button type="submit" class="button button-primary" data-testid="county-pack-submit" disabled={busy || !file}>
            <Icon name="sync" class={busy ? 'spin' : undefined} />
            {busy ? t('packs.importing') : t('packs.submit')}
          </button>
        </div>
      </form>
      {result && (
        <div class="card" role="status" data-testid="county-pack-result">
          <h2>{result.created ? t('packs.created', { version: fmt.number(result.version) }) : t('packs.unchanged', { version: fmt.number(result.version) })}</h2>
          <dl class="facts">
            <dt>{t('packs.files')}</dt>
            <dd class="amount">{fmt.number(result.files)}</dd>
            <dt>{t('packs.newFiles')}</dt>
            <dd class="amount">{fmt.number(result.newFiles)}</dd>
            <dt>{t('packs.size')}</dt>
            <dd class="amount">
              <bdi dir="ltr">{t('packs.megabytes', { mb: fmt.number(megabytes(result.totalBytes)) })}</bdi>
            </dd>
          </dl>
        </div>
      )}
    </section>
  );
}
