import { Link } from '@tanstack/react-router';
import { useState } from 'preact/hooks';
import { useTranslation } from '../../i18n/use-translation';
import { packDownloads } from '../../data/packs/pack-downloads';
import type { PackCatalogRow, PackRow } from '../../data/packs/pack-tables';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { useBytes } from './bytes';
import { DownloadPanel } from './DownloadPanel';
import { PackCover } from './PackCover';

/**
 * One course pack: what the county offers and what this tablet holds of it.
 * Not held: its size and a download button (with a warning when it will not
 * fit). Held: ready offline, an update when the county has a newer version,
 * a notice when the county withdrew it. Downloading: the download's panel.
 */
export function PackCard({ offered, held, freeBytes }: { offered: PackCatalogRow | undefined; held: PackRow | undefined; freeBytes: number | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const bytes = useBytes();
  const [error, setError] = useState<string | null>(null);
  const manifest = held?.ready?.manifest ?? held?.wanted?.manifest;
  const title = offered?.title ?? manifest?.course.title;
  const summary = offered?.summary ?? manifest?.course.summary;
  const id = offered?.id ?? held?.id ?? '';
  const start = async (version: number) => {
    setError(null);
    const failed = await packDownloads.start(id, version);
    if (failed) setError(`errors.${failed.code}`);
  };
  const update = offered && held?.ready && !held.wanted && offered.version > held.ready.version ? offered : undefined;
  const tooBig = offered && freeBytes !== undefined && !held && offered.totalBytes > freeBytes;

  return (
    <li class="card pack-card" data-testid="pack-card" data-pack={id}>
      <div class="pack-card-head">
        <PackCover manifest={held?.ready?.manifest} />
        <div class="pack-card-text">
          <h2 class="pack-title">{title ? fmt.name(title) : id}</h2>
          {summary && <p class="pack-summary">{fmt.name(summary)}</p>}
          <p class="muted pack-meta">
            {offered
              ? t('training.meta', { size: bytes(offered.totalBytes), files: fmt.number(offered.fileCount) })
              : held?.ready && t('training.version', { version: fmt.number(held.ready.version) })}
          </p>
        </div>
      </div>

      {held?.removedOnServer && (
        <p class="notice" role="status" data-testid="pack-removed">
          {t('training.removed')}
        </p>
      )}

      {held?.ready && (
        <div class="actions pack-actions">
          <span class="badge badge-ok pack-ready" data-testid="pack-ready">
            <Icon name="check" size={18} /> {t('training.ready')}
          </span>
          <Link to="/training/$packId" params={{ packId: id }} className="button button-primary" data-testid="pack-open">
            <Icon name="book" />
            {t('training.open')}
          </Link>
          {update && (
            <button type="button" class="button" onClick={() => void start(update.version)} data-testid="pack-update">
              <Icon name="sync" />
              {t('training.update', { version: fmt.number(update.version) })}
            </button>
          )}
        </div>
      )}
      {held?.wanted && <DownloadPanel pack={{ ...held, wanted: held.wanted }} />}
      {!held && offered && (
        <div class="actions pack-actions">
          <span class="badge badge-out">{t('training.notHeld')}</span>
          <button type="button" class="button button-primary" onClick={() => void start(offered.version)} data-testid="pack-download-start">
            <Icon name="storage" />
            {t('training.download', { size: bytes(offered.totalBytes) })}
          </button>
        </div>
      )}
      {tooBig && (
        <p class="notice" role="status" data-testid="pack-too-big">
          {t('training.notEnoughSpace', { need: bytes(offered.totalBytes), free: bytes(freeBytes) })}
        </p>
      )}
      <ErrorText code={held?.wanted ? null : error} />
    </li>
  );
}
