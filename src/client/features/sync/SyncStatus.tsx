import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from '../../i18n/use-translation';
import { db } from '../../data/db';
import { AppErrorCode } from '../../data/errors';
import { syncNow, useSyncStatus } from '../../sync/app-status';
import { Icon } from '../../ui/Icon';
import { useFormat } from '../../ui/format';
import { useNow } from '../../ui/useNow';

/** Online, offline, or checking: before the first request has come back the tablet does not know yet. */
function connection(online: boolean | null): 'online' | 'offline' | 'checking' {
  return online === null ? 'checking' : online ? 'online' : 'offline';
}

/** Always in the top bar: online or not, changes waiting, last sync, and a way to sync now. */
export function SyncStatus() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow();
  const status = useSyncStatus();
  const progress = status.progress;
  const waitingFor = status.waitingFor;
  const author = useLiveQuery(async () => (waitingFor ? ((await db.staff.get(waitingFor))?.name ?? '') : null), [waitingFor], null);
  // "Offline" already says the server is out of reach: repeating it in red
  // would alarm staff about the normal state of a village tablet.
  const error = status.lastError === AppErrorCode.serverUnreachable && !status.online ? null : status.lastError;

  function buttonLabel(): string {
    if (!status.syncing) return t('sync.now');
    if (!progress) return t('sync.syncing');
    const phase = t(`sync.phase.${progress.phase}`);
    const done = fmt.number(progress.done);
    return progress.total === null
      ? t('sync.progressOpen', { phase, done })
      : t('sync.progress', { phase, done, total: fmt.number(progress.total) });
  }

  const state = connection(status.online);
  return (
    <div class="sync-status" data-testid="sync-status" data-online={status.online} data-syncing={status.syncing}>
      <span class={`dot dot-${state}`} aria-hidden="true" />
      <span data-testid="online-state">{t(`sync.${state}`)}</span>
      <span class="sync-pending" data-testid="pending-count" data-count={status.pending}>
        {t('sync.pending', { count: status.pending, n: fmt.number(status.pending) })}
      </span>
      <span class="sync-last muted" data-testid="last-sync">
        {status.lastSyncAt ? t('sync.lastSync', { when: fmt.relative(status.lastSyncAt, now) }) : t('sync.never')}
      </span>
      {author !== null && (
        <span class="sync-error" role="status" data-testid="waiting-for-author">
          {t('sync.waitingForAuthor', { name: author })}
        </span>
      )}
      {error && (
        <span class="sync-error" role="status">
          {t(`errors.${error}`)}
        </span>
      )}
      <button
        type="button"
        class="button button-small"
        data-testid="sync-now"
        disabled={status.syncing}
        onClick={() => void syncNow()}
      >
        <Icon name="sync" class={status.syncing ? 'spin' : undefined} />
        <span class="sync-now-label">{buttonLabel()}</span>
      </button>
    </div>
  );
}
