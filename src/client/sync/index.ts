import { db } from '../data/db';
import { appSyncStatus } from './app-status';
import { createSyncEngine, type SyncEngine } from './engine';

export { createSyncEngine, type SyncEngine, type SyncEngineOptions } from './engine';
export type { SyncStatus, SyncProgress } from './status';
export type { Transport } from './transport';

/** The app's one engine, on the app's database and same-origin fetch, reporting into the status the top bar reads. */
export const syncEngine: SyncEngine = createSyncEngine({ db, status: appSyncStatus });

/** Called once by main.tsx; returns a function that stops automatic syncing. */
export function startSync(): () => void {
  return syncEngine.start();
}

/** The "Sync now" button: resolves when done; failures show in `useSyncStatus().lastError`. */
export function syncNow(): Promise<void> {
  return syncEngine.syncNow();
}
