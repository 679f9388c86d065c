import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'preact/hooks';
import { db } from '../data/db';
import { getMeta } from '../data/meta';
import { waitingCount } from '../data/outbox-queue';
import { createStatusStore, IDLE_STATUS, type SyncStatus } from './status';

/**
 * The app's sync status, apart from its engine: the top bar shows it with
 * the first screen, while the engine (push, pull, the closed history and
 * the replies' checks) loads once the screen is up (main.tsx), and reports
 * into this store from then on.
 */
export const appSyncStatus = createStatusStore({ ...IDLE_STATUS, online: browserOffline() ? false : null });

/** The browser knows it has no network at all: offline can be said before any request. */
function browserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** The "Sync now" button: loads the engine if it has not loaded yet; resolves when done, failures show in `useSyncStatus().lastError`. */
export function syncNow(): Promise<void> {
  return import('./index').then((sync) => sync.syncNow());
}

export function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState(appSyncStatus.get());
  useEffect(() => {
    // A change between the first render and subscribing would otherwise wait for the next one.
    setStatus(appSyncStatus.get());
    return appSyncStatus.subscribe(setStatus);
  }, []);
  // The queue length is read live so a sale shows as waiting the moment it is saved.
  const pending = useLiveQuery(() => waitingCount(db), [], status.pending);
  // The last sync is stored: the screen says when it was before the engine has loaded, not "never".
  const lastSyncAt = useLiveQuery(() => getMeta(db, 'lastSyncAt'), [], undefined) ?? status.lastSyncAt;
  return { ...status, pending, lastSyncAt };
}
