/**
 * Calls back on `online`/`offline` events (the browser's idea of a network;
 * only a request that comes back shows the server is reachable); a no-op outside a browser window. */
export function watchOnline(onChange: (online: boolean) => void): () => void {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => undefined;
  const online = () => onChange(true);
  const offline = () => onChange(false);
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
}
