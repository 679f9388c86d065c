/** How long, at most, `whenFirstTouched` waits for a tap or a key. */
const TOUCH_WAIT_MS = 4000;

/**
 * Calls `then` once: on the person's first tap or key, or a few seconds on.
 * For work put off until the first screen is drawn: code fetched ahead of
 * its use, the service worker's install of the whole app.
 * Returns a function that cancels the wait.
 */
export function whenFirstTouched(then: () => void, waitMs = TOUCH_WAIT_MS): () => void {
  const events = ['pointerdown', 'keydown'] as const;
  const once = () => {
    stop();
    then();
  };
  const timer = setTimeout(once, waitMs);
  const stop = () => {
    clearTimeout(timer);
    for (const e of events) window.removeEventListener(e, once, true);
  };
  for (const e of events) window.addEventListener(e, once, true);
  return stop;
}

/**
 * How long after the app starts `firstTouched` waits at most: its first
 * screen is drawn well within it, from the tablet's cache or once a slow
 * link has brought its code (the wait starts when the code runs).
 */
const FIRST_SCREEN_MS = 1500;

let firstTouch: Promise<void> | null = null;

/**
 * Resolves on the person's first tap or key since the app started, or 1.5 s
 * after the first call, and at once for every call after that: called as the
 * app starts, it tells later work the first screen is up.
 */
export function firstTouched(): Promise<void> {
  return (firstTouch ??= new Promise((resolve) => whenFirstTouched(resolve, FIRST_SCREEN_MS)));
}
