import { useEffect, useRef, useState } from 'react';
import type { Workbox } from 'workbox-window';
import { whenFirstTouched } from '../app/when-first-touched';

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
    const checkForUpdate = () => void workbox.current?.update();
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    // workbox-window (about 2 KB) is fetched then too, not with the first screen's code.
    const register = async () => {
      const { Workbox } = await import('workbox-window');
      if (stopped) return;
      const wb = new Workbox('/sw.js', { scope: '/' });
      wb.addEventListener('waiting', () => setWaiting(true));
      workbox.current = wb;
      void wb.register({ immediate: true });
      timer = setInterval(checkForUpdate, UPDATE_CHECK_MS);
      window.addEventListener('online', checkForUpdate);
    };
    // Once the person starts (a tap or a key) or a few seconds on, as the
    // code a change needs: installing fetches every file of the app for
    // offline use, which on a slow link would otherwise share it with the
    // first screen's own code and data, and a slow tablet's CPU.
    // A fetch the link dropped leaves the registration to the next start.
    const stopWaiting = whenFirstTouched(() => void register().catch(() => undefined));
    return () => {
      stopped = true;
      stopWaiting();
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
