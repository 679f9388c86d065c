import { issueEnrolCode } from '../../../src/server/auth/enrol-codes';
import type { Store } from '../../../src/server/store/store';
import type { SyncRun } from '../harness/api';
import { BenchBrowser } from '../support/bench-browser';

/** A tablet on the harness page that a server process serves as its client (harness built with base '/'). */
export async function harnessTablet(origin: string): Promise<BenchBrowser> {
  const tablet = await BenchBrowser.open();
  try {
    await tablet.page.goto(`${origin}/`);
    await tablet.page.waitForFunction(() => 'bench' in window);
    return tablet;
  } catch (error) {
    await tablet.close();
    throw error;
  }
}

/** Enrols the tablet with a fresh code made through the store (not rate limited, as an admin makes it). */
export async function enrolTablet(tablet: BenchBrowser, store: Store, centreId: string): Promise<void> {
  const { code } = await issueEnrolCode(store, centreId, 1);
  await tablet.page.evaluate((c) => window.bench.enrol(c), code);
}

export function syncOk(run: SyncRun, what: string): SyncRun {
  if (run.error !== undefined) throw new Error(`${what} failed: ${run.error}`);
  return run;
}
