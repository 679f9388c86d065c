import { useEffect } from 'react';

/** Starts automatic syncing; resolves to the function that stops it. */
export type StartSync = () => Promise<() => void>;

/**
 * Runs the sync engine while this tablet is enrolled. main.tsx passes a
 * starter that loads the engine lazily: before enrolment there is nothing to
 * sync, and the first screen stays small.
 */
export function useSyncEngine(enrolled: boolean, startSync: StartSync | undefined): void {
  useEffect(() => {
    if (!enrolled || !startSync) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void startSync().then((stopSync) => {
      if (cancelled) stopSync();
      else stop = stopSync;
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [enrolled, startSync]);
}
