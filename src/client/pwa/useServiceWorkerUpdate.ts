import { useEffect, useRef, useState } from 'react';
import type { Workbox } from 'workbox-window';

const UPDATE_CHECK_MS = 30 * 60 * 1000;

export interface ServiceWorkerUpdate {
  /** A new version is installed and waits for the person to accept it. */
  waiting: boolean;
  /** Activates the waiting version, then reloads once it controls the page. */
  apply(): void;
}

/**
 * Registers the service worker and reports a waiting update. It never reloads
 * by itself: only `apply`, called from a tap, does — a cart in progress survives.
 */
export function useServiceWorkerUpdate(): ServiceWorkerUpdate {
  const [waiting, setWaiting] = useState(false);
  const workbox = useRef<Workbox | null>(null);

  useEffect(() => {
    // The dev server has no built service worker; tests have no navigator.serviceWorker.
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let stopped = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const checkForUpdate = () => void workbox.current?.update();
    void import('workbox-window').then(({ Workbox }) => {
      if (stopped) return;
      const wb = new Workbox('/sw.js', { scope: '/' });
      wb.addEventListener('waiting', () => setWaiting(true));
      workbox.current = wb;
      void wb.register();
      timer = setInterval(checkForUpdate, UPDATE_CHECK_MS);
      window.addEventListener('online', checkForUpdate);
    });
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('online', checkForUpdate);
    };
  }, []);

  return {
    waiting,
    apply() {
      const wb = workbox.current;
      if (!wb) return;
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    },
  };
}
