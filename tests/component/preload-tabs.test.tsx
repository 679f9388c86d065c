import { fireEvent, screen, waitFor } from '@testing-library/preact';
import type { AnyRouter } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { login } from '../../src/client/auth/session';
import type { Role } from '../../src/shared/domain/entities';
import { enrolledTablet, freshTabletEach, renderApp, watchDrawing } from './support';

/** Records where the app asks the router to get a screen ready, passing each request on. */
function recordPreloads(router: AnyRouter): { asked: string[]; done: () => Promise<unknown> } {
  const asked: string[] = [];
  const pending: Promise<unknown>[] = [];
  const preloadRoute = router.preloadRoute.bind(router);
  router.preloadRoute = ((opts: { to: string }) => {
    asked.push(opts.to);
    const loading = preloadRoute(opts as never);
    pending.push(loading);
    return loading;
  }) as never;
  return { asked, done: () => Promise.all(pending) };
}

// Each screen's code is compiled on its first import here: the preloads take seconds, not the app's milliseconds.
/** A person of `role` signed in on `path`, its tab bar drawn, before their first tap: what the app asks the router from then on. */
async function signedInBeforeFirstTap(role: Role, path: string) {
  const centre = await enrolledTablet(role);
  await login(centre.staff.id, centre.pin);
  const { router } = renderApp(path);
  const preloads = recordPreloads(router);
  await screen.findByTestId('nav-villagers');
  return preloads;
}

describe("the tabs' screens", () => {
  freshTabletEach('en');

  // First in this file: no screen's code has been loaded by an earlier test.
  it('are fetched after the first tap, so that the first visit of a tab draws it without a loading line', async () => {
    const preloads = await signedInBeforeFirstTap('clerk', '/');
    expect(preloads.asked).toEqual([]);

    fireEvent.pointerDown(document.body);
    await waitFor(() => expect(preloads.asked).toEqual(['/orders', '/parcels', '/villagers', '/more']), { timeout: 15_000 });
    await preloads.done();

    const watch = watchDrawing('new-order');
    fireEvent.click(screen.getByTestId('nav-orders'));
    await screen.findByTestId('new-order');
    expect(watch.stop()).not.toContain('loading');
  }, 30_000);

  it("leave out the tabs a trainer's role does not show", async () => {
    const preloads = await signedInBeforeFirstTap('trainer', '/villagers');

    fireEvent.pointerDown(document.body);
    await waitFor(() => expect(preloads.asked).toEqual(['/villagers', '/more']), { timeout: 15_000 });
    expect(screen.queryByTestId('nav-orders')).toBeNull();
  }, 30_000);
});
