/** How long, at most, `whenFirstTouched` waits for a tap or a key. */
const TOUCH_WAIT_MS = 4000;

/**
 * Calls `then` once: on the person's first tap or key, or a few seconds on.
 * For work put off until the first screen is drawn: code fetched ahead of
 * its use, the service worker's install of the whole app.
 * Returns a function that cancels the wait.
 */
export function whenFirstTouched(then: () => void): () => void {
  const events = ['pointerdown', 'keydown'] as const;
  const once = () => {
    stop();
    then();
  };
  const timer = setTimeout(once, TOUCH_WAIT_MS);
  const stop = () => {
    clearTimeout(timer);
    for (const e of events) window.removeEventListener(e, once, true);
  };
  for (const e of events) window.addEventListener(e, once, true);
  return stop;
}
