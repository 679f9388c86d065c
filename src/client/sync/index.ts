import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'preact/hooks';
import { db } from '../data/db';
import { waitingCount } from '../data/outbox-queue';
import { createSyncEngine, type SyncEngine } from './engine';
import type { SyncStatus } from './status';

export { createSyncEngine, type SyncEngine, type SyncEngineOptions } from './engine';
export type { SyncStatus, SyncProgress } from './status';
export type { Transport } from './transport';

/** The app's one engine, on the app's database and same-origin fetch. */
export const syncEngine: SyncEngine = createSyncEngine({ db });

/** Called once by main.tsx; returns a function that stops automatic syncing. */
export function startSync(): () => void {
  return syncEngine.start();
}

/** The "Sync now" button: resolves when done; failures show in `useSyncStatus().lastError`. */
export function syncNow(): Promise<void> {
  return syncEngine.syncNow();
}

export function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState(syncEngine.status.get());
  useEffect(() => {
    // A change between the first render and subscribing would otherwise wait for the next one.
    setStatus(syncEngine.status.get());
    return syncEngine.status.subscribe(setStatus);
  }, []);
  // The queue length is read live so a sale shows as waiting the moment it is saved.
  const pending = useLiveQuery(() => waitingCount(db), [], status.pending);
  return { ...status, pending };
}
