import { useEffect, useState } from 'preact/hooks';
import { useTranslation } from '../../i18n/use-translation';
import { db } from '../../data/db';
import { AppErrorCode, toAppError } from '../../data/errors';
import { PAUSED } from '../../data/packs/pack-download';
import { packDownloads, useDownloadState } from '../../data/packs/pack-downloads';
import { useStoredProgress } from '../../data/packs/pack-queries';
import { discardDownload } from '../../data/packs/pack-store';
import type { PackRow } from '../../data/packs/pack-tables';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { useBytes } from './bytes';

/** Why a download that is not running stopped, in words: a reload mid-download reads as paused. */
function stoppedKey(reason: string | undefined): { key: string; params?: Record<string, string> } {
  if (reason === undefined || reason === PAUSED) return { key: 'training.paused' };
  if (reason === AppErrorCode.storageFull) return { key: 'training.stoppedFull' };
  if (reason === AppErrorCode.serverUnreachable) return { key: 'training.stoppedNetwork' };
  return { key: 'training.stopped', params: { reason: `errors.${reason}` } };
}

/**
 * A download under way or stopped halfway: its progress bar, and pause, or
 * resume and remove. What arrived is in IndexedDB, so the bar reads the same
 * after a reload.
 */
export function DownloadPanel({ pack }: { pack: PackRow & { wanted: NonNullable<PackRow['wanted']> } }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const bytes = useBytes();
  const { running, stoppedBy: stoppedHere } = useDownloadState(pack.id);
  const stored = useStoredProgress(pack);
  const [error, setError] = useState<string | null>(null);
  const progress = running && running.total > 0 ? running : stored;
  const total = progress?.total ?? pack.wanted.totalBytes;
  const done = Math.min(progress?.done ?? 0, total);
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  // What this tab saw stop it first: on a full disk the row may still hold an older reason.
  const reason = stoppedHere ?? pack.stoppedBy;
  const stopped = stoppedKey(reason);

  const resume = () => void packDownloads.start(pack.id, pack.wanted.version);
  // Cut by the network: it goes on by itself when the tablet is back online.
  const waitsForNetwork = !running && reason === AppErrorCode.serverUnreachable;
  useEffect(() => {
    if (!waitsForNetwork) return undefined;
    const again = () => void packDownloads.start(pack.id, pack.wanted.version);
    globalThis.addEventListener('online', again);
    return () => globalThis.removeEventListener('online', again);
  }, [waitsForNetwork, pack.id, pack.wanted.version]);
  const discard = () =>
    void packDownloads
      .stop(pack.id)
      .then(() => discardDownload(db, pack.id))
      .catch((e: unknown) => setError(`errors.${toAppError(e).code}`));

  return (
    <div class="download" data-testid="pack-download" data-state={running ? 'running' : 'stopped'}>
      {pack.ready && <p class="muted">{t('training.updating', { version: fmt.number(pack.wanted.version) })}</p>}
      <progress class="download-bar" max={total || 1} value={done} aria-label={t('training.progressLabel')} data-testid="pack-progress" />
      <p class="download-figures" data-percent={percent} data-done={done} data-testid="download-figures">
        {t('training.progress', { percent: fmt.number(percent), done: bytes(done), total: bytes(total) })}
      </p>
      {running ? (
        <div class="actions">
          <button type="button" class="button" onClick={() => packDownloads.pause(pack.id)} data-testid="pack-pause">
            {t('training.pause')}
          </button>
        </div>
      ) : (
        <>
          <p class={reason === AppErrorCode.storageFull ? 'notice notice-danger' : 'notice'} role="status" data-testid="pack-stopped" data-reason={reason ?? PAUSED}>
            {t(stopped.key, stopped.params ? { reason: t(stopped.params['reason'] ?? '') } : {})}
          </p>
          <div class="actions">
            <button type="button" class="button button-primary" onClick={resume} data-testid="pack-resume">
              <Icon name="sync" />
              {t('training.resume')}
            </button>
            <button type="button" class="button" onClick={discard} data-testid="pack-discard">
              {t('training.discard')}
            </button>
          </div>
        </>
      )}
      <ErrorText code={error} />
    </div>
  );
}
