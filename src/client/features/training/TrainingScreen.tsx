import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'preact/hooks';
import { useTranslation } from '../../i18n/use-translation';
import { db } from '../../data/db';
import { AppErrorCode, toAppError } from '../../data/errors';
import { refreshCatalog } from '../../data/packs/pack-catalog';
import { appPackEndpoint } from '../../data/packs/pack-downloads';
import { usePackCatalog, usePacks } from '../../data/packs/pack-queries';
import { useStorageEstimate } from '../../data/storage';
import { ErrorText } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useBytes } from './bytes';
import { PackCard } from './PackCard';

type ListState = 'loading' | 'fresh' | 'offline' | { error: string };

/** Asks the county for its packs once the screen opens; offline, the list as last seen stays. */
function useCatalogRefresh(): ListState {
  const [state, setState] = useState<ListState>('loading');
  useEffect(() => {
    let alive = true;
    if (globalThis.navigator?.onLine === false) {
      setState('offline');
      return undefined;
    }
    appPackEndpoint()
      .then((endpoint) => refreshCatalog(db, endpoint))
      .then(
        () => alive && setState('fresh'),
        (e: unknown) => {
          if (!alive) return;
          const code = toAppError(e).code;
          setState(code === AppErrorCode.serverUnreachable ? 'offline' : { error: `errors.${code}` });
        },
      );
    return () => {
      alive = false;
    };
  }, []);
  return state;
}

/** The county's course packs and those on this tablet, with the space left for more. */
export function TrainingScreen() {
  const { t } = useTranslation();
  const bytes = useBytes();
  const list = useCatalogRefresh();
  const catalog = usePackCatalog();
  const held = usePacks();
  const storage = useStorageEstimate();
  if (!catalog || !held) return <Loading />;

  const heldById = new Map(held.map((p) => [p.id, p]));
  const offeredIds = new Set(catalog.map((p) => p.id));
  const rows = [...catalog.map((p) => ({ id: p.id, offered: p })), ...held.filter((p) => !offeredIds.has(p.id)).map((p) => ({ id: p.id, offered: undefined }))];
  const freeBytes = storage && storage.quota > 0 ? Math.max(0, storage.quota - storage.usage) : undefined;

  return (
    <section class="screen training" data-testid="training">
      <h1>{t('training.title')}</h1>
      <p class="lead">{t('training.intro')}</p>
      <Link to="/training-sessions" className="button training-sessions-link" data-testid="training-sessions-link">
        <Icon name="users" />
        {t('sessions.progressTitle')}
      </Link>
      <p class="training-space muted" data-testid="training-space">
        <Icon name="storage" /> {freeBytes === undefined ? t('training.spaceUnknown') : t('training.freeSpace', { free: bytes(freeBytes) })}
      </p>
      {list === 'offline' && (
        <p class="notice" role="status" data-testid="training-offline">
          {t('training.listOffline')}
        </p>
      )}
      {typeof list === 'object' && <ErrorText code={list.error} />}
      {rows.length === 0 ? (
        list === 'loading' ? (
          <Loading />
        ) : (
          <p class="empty">{t('training.empty')}</p>
        )
      ) : (
        <ul class="pack-list">
          {rows.map((row) => (
            <PackCard key={row.id} offered={row.offered} held={heldById.get(row.id)} freeBytes={freeBytes} />
          ))}
        </ul>
      )}
    </section>
  );
}
