import { lazy } from 'react';
import { useSession } from '../auth/session';
import { useDevice } from '../data/device';
import { Loading } from '../ui/Loading';

const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));

/** The root route: the signed-in frame around every screen (App has checked who is here). */
export function AppShell() {
  const device = useDevice();
  const session = useSession();
  if (!device || !session) return <Loading />;
  return <AppLayout device={device} session={session} />;
}
