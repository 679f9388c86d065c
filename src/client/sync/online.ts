/** The browser's idea of connectivity; a failed request is the stronger signal. */
export function browserOnline(): boolean {
  return globalThis.navigator?.onLine ?? true;
}

/** Calls back on `online`/`offline` events; a no-op outside a browser window. */
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
