import type { Page } from 'playwright-core';
import { issueEnrolCode } from '../../../src/server/auth/enrol-codes';
import type { Store } from '../../../src/server/store/store';
import { readyTablet } from '../../e2e/support/flows';
import { BenchBrowser } from './bench-browser';

/** The real built app on a tablet: enrolled through its enrol screen with a fresh code, a person signed in, offline-ready. */
export async function appTablet(store: Store, origin: string, centreId: string, staff: { name: string; pin: string }): Promise<BenchBrowser> {
  const tablet = await BenchBrowser.open();
  try {
    const { code } = await issueEnrolCode(store, centreId, 1);
    await readyTablet(tablet.page, origin, code, staff.name, staff.pin);
    return tablet;
  } catch (e) {
    await tablet.close();
    throw e;
  }
}

/** Runs `work` with the tablet's CPU slowed `rate` times (CDP), as on a cheap tablet. */
export async function throttled<T>(tablet: BenchBrowser, work: () => Promise<T>, rate = 4): Promise<T> {
  await tablet.cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    return await work();
  } finally {
    await tablet.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

/** A tap's time to its screen, and when the app changed the address on the way (null: it did not). */
export interface TapTiming {
  ms: number;
  navigatedMs: number | null;
}

/**
 * Taps `tap` and times, on the page's clock, until `done` is in the page and
 * laid out, to the frame that shows it. Both are test ids; `nth` picks
 * which of several to tap. The tap is the page's own pointer events and
 * click, so no driver round trip is in the figure. The router's history.pushState is watched
 * too: for a sale, the address changes once the command has saved, so the
 * time splits into saving and showing.
 */
export function tapUntilTimed(page: Page, tap: string, done: string, nth = 0, timeoutMs = 30_000): Promise<TapTiming> {
  return page.evaluate(
    async ([tapId, doneId, index, limit]) => {
      const target = document.querySelectorAll<HTMLElement>(`[data-testid="${tapId}"]`)[index];
      if (!target) throw new Error(`nothing to tap: ${tapId}`);
      const shown = () => (document.querySelector(`[data-testid="${doneId}"]`)?.getClientRects().length ?? 0) > 0;
      let navigatedAt: number | null = null;
      const pushState = history.pushState;
      history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
        navigatedAt ??= performance.now();
        return pushState.apply(this, args);
      };
      try {
        const started = performance.now();
        // A finger's tap: the pointer goes down and up before the click, as the app's first-tap work expects.
        target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'touch', isPrimary: true }));
        target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true, pointerType: 'touch', isPrimary: true }));
        target.click();
        await new Promise<void>((resolve, reject) => {
          if (shown()) return resolve();
          const observer = new MutationObserver(() => {
            if (!shown()) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve();
          });
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`${doneId} did not show within ${limit} ms of tapping ${tapId}`));
          }, limit);
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        });
        await new Promise((frame) => requestAnimationFrame(frame));
        return { ms: performance.now() - started, navigatedMs: navigatedAt === null ? null : navigatedAt - started };
      } finally {
        history.pushState = pushState;
      }
    },
    [tap, done, nth, timeoutMs] as const,
  );
}

/** The time of `tapUntilTimed` alone. */
export async function tapUntil(page: Page, tap: string, done: string, nth = 0, timeoutMs = 30_000): Promise<number> {
  return (await tapUntilTimed(page, tap, done, nth, timeoutMs)).ms;
}
