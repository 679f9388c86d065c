import { lazy, memo } from 'react';
import { useSession } from '../auth/session';
import { useDevice } from '../data/device';
import { Loading } from '../ui/Loading';

const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));

/**
 * The root route: the signed-in frame around every screen (App has checked
 * who is here). Memoised: the router redraws its root on every move, and the
 * bars, alerts and tab bar follow what they watch themselves; only the
 * screen changes.
 */
export const AppShell = memo(function AppShell() {
  const device = useDevice();
  const session = useSession();
  if (!device || !session) return <Loading />;
  return <AppLayout device={device} session={session} />;
});
