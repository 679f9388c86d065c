import { Outlet, useRouterState } from '@tanstack/react-router';
import { isCountyPath } from '../features/county/path';
import { AppShell } from './AppShell';

/**
 * The root route's frame: the tablet's signed-in shell around every tablet
 * screen; the county admin area (/county) brings its own frame instead.
 */
export function RootFrame() {
  // Only which frame: selecting the path itself would redraw the whole shell on every tab switch.
  const county = useRouterState({ select: (s) => isCountyPath(s.location.pathname) });
  return county ? <Outlet /> : <AppShell />;
}
