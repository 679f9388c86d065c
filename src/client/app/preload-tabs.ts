import type { AnyRouter } from '@tanstack/react-router';
import type { Role } from '../../shared/domain/entities';
import { roleMaySee } from '../../shared/domain/permissions';
import { TABS } from './tabs';

/** Runs `work` when the page has a moment to spare (or soon, where the browser cannot say). */
function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 200);
}

/**
 * Fetches and evaluates the code of the tabs' screens (the ones `role` may
 * open, and More), one at a time when the page is idle, so that the first
 * visit of each tab draws at once instead of first loading its chunk. The
 * sell screen's own code comes with the first screen and needs nothing.
 */
export function preloadTabs(router: AnyRouter, role: Role): void {
  const paths = [...TABS.filter((tab) => tab.to !== '/' && roleMaySee(role, tab.screen)).map((tab) => tab.to), '/more'];
  const next = () => {
    const to = paths.shift();
    if (to === undefined) return;
    // A chunk that cannot be had now (offline before the app is cached) is fetched on the visit instead.
    router
      .preloadRoute({ to })
      .catch(() => undefined)
      .finally(() => whenIdle(next));
  };
  whenIdle(next);
}
