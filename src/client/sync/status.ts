import type { AppErrorCode } from '../data/errors';

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  total: number | null;
}

export interface SyncStatus {
  /**
   * True only after a request reached the server, until one fails to or the
   * browser goes offline; null until the first request has come back or
   * failed (the top bar says it is checking, not that it is offline).
   */
  online: boolean | null;
  /** The server removed this tablet: nothing syncs any more. */
  revoked: boolean;
  /** The author of the first waiting change, when it waits for them to sign in (made before proofs). */
  waitingFor: string | null;
  syncing: boolean;
  pending: number;
  lastSyncAt: string | null;
  progress: SyncProgress | null;
  lastError: AppErrorCode | null;
}

/** An engine's status before it has done anything: online or offline only once a request has come back or failed. */
export const IDLE_STATUS: SyncStatus = {
  online: null,
  revoked: false,
  waitingFor: null,
  syncing: false,
  pending: 0,
  lastSyncAt: null,
  progress: null,
  lastError: null,
};

/** A tiny observable holding one engine's status, read by `useSyncStatus`. */
export interface StatusStore {
  get(): SyncStatus;
  update(patch: Partial<SyncStatus>): void;
  subscribe(listener: (status: SyncStatus) => void): () => void;
}

export function createStatusStore(initial: SyncStatus): StatusStore {
  let status = initial;
  const listeners = new Set<(status: SyncStatus) => void>();
  return {
    get: () => status,
    update(patch) {
      status = { ...status, ...patch };
      for (const listener of listeners) listener(status);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
