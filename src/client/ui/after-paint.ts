/** The longest wait for a paint: a hidden page draws no frame, and what waits must still run. */
const MOST_MS = 100;

/**
 * Resolves once the browser has painted the next frame (or after 100 ms,
 * whichever is first): work the person does not see, such as redrawing a
 * screen kept hidden, then runs after what they do see rather than before it.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, MOST_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
