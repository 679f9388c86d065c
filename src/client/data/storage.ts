import { useEffect, useState } from 'preact/hooks';

/** Asks the browser not to evict our data under storage pressure (S11). */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist().catch(() => false);
}

export interface StorageEstimate {
  usage: number;
  quota: number;
  persisted: boolean;
}

export async function readStorageEstimate(): Promise<StorageEstimate | undefined> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return undefined;
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? false]);
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
}

const REFRESH_MS = 30_000;

/** Usage against quota, refreshed every half minute while shown. */
export function useStorageEstimate(): StorageEstimate | undefined {
  const [estimate, setEstimate] = useState<StorageEstimate | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      void readStorageEstimate()
        .then((value) => alive && setEstimate(value))
        .catch(() => undefined);
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  return estimate;
}
