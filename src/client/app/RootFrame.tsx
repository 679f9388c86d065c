import { Outlet, useRouterState } from '@tanstack/react-router';
import { isCountyPath } from '../features/county/path';
import { AppShell } from './AppShell';

/**
 * The root route's frame: the tablet's signed-in shell around every tablet
 * screen; the county admin area (/county) brings its own frame instead.
 */
export function RootFrame() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return isCountyPath(pathname) ? <Outlet /> : <AppShell />;
}
