import { lazy, Suspense, useMemo, type ComponentType } from 'react';
import { useSession } from '../auth/session';
import { useDevice } from '../data/device';
import { useRevoked } from '../features/revoked/useRevoked';
import { useSyncEngine, type StartSync } from '../features/sync/useSyncEngine';
import { isCountyPath } from '../features/county/path';
import { UpdateBanner } from '../pwa/UpdateBanner';
import { Loading } from '../ui/Loading';

// Only one of these is needed at a time: each is its own chunk.
const EnrolScreen = lazy(() => import('../features/enrol/EnrolScreen').then((m) => ({ default: m.EnrolScreen })));
const LoginScreen = lazy(() => import('../features/login/LoginScreen').then((m) => ({ default: m.LoginScreen })));
const RevokedScreen = lazy(() => import('../features/revoked/RevokedScreen').then((m) => ({ default: m.RevokedScreen })));

export interface AppProps {
  /** Loads the routed screens (a separate chunk): called once, after login. */
  loadRoutes: () => Promise<ComponentType>;
  startSync?: StartSync;
}

/**
 * Enrol the tablet first, then pick who is working, then the app; a tablet
 * the server removed shows only that, with a way to save its changes. The router
 * is loaded and mounted only after login, so the first screen carries no
 * routing code, and the URL waits untouched: a deep link opens after login.
 */
export function App({ loadRoutes, startSync }: AppProps) {
  const device = useDevice();
  const session = useSession();
  const revoked = useRevoked();
  useSyncEngine(!!device && revoked === null, startSync);
  const Routes = useMemo(() => lazy(() => loadRoutes().then((component) => ({ default: component }))), [loadRoutes]);

  let body;
  // The county area needs no enrolled tablet and no PIN: its routes have a sign-in of their own.
  if (isCountyPath(window.location.pathname)) body = <Routes />;
  else if (device === undefined) body = <Loading />;
  else if (device === null) body = <EnrolScreen />;
  // A removed tablet does nothing else: its unsynced changes wait to be exported.
  else if (revoked === undefined) body = <Loading />;
  else if (revoked) body = <RevokedScreen device={device} revoked={revoked} />;
  else if (!session || session.deviceId !== device.deviceId) body = <LoginScreen centreName={device.centre.name} />;
  else body = <Routes />;

  return (
    <>
      <UpdateBanner />
      <Suspense fallback={<Loading />}>{body}</Suspense>
    </>
  );
}
