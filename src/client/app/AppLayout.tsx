import { Outlet, useRouter } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { watchIdle } from '../auth/idle-lock';
import type { Session } from '../auth/session';
import type { DeviceInfo } from '../data/device';
import { keepProductsLive } from '../data/queries/products';
import { Loading } from '../ui/Loading';
import { withAllWords } from '../i18n';
import { useFormat } from '../ui/format';
import { KeptSellScreen } from './KeptSellScreen';
import { NavBar } from './NavBar';
import { preloadTabs } from './preload-tabs';
import { TopBar } from './TopBar';
import { firstTouched, whenFirstTouched } from './when-first-touched';

// Sync's alerts come after the screen, with the first tap or key (SyncAlerts.tsx). Should their code not
// arrive (a first visit whose link drops before the app is cached), the counter works on without them.
const SyncAlerts = lazy(() =>
  firstTouched()
    .then(() => withAllWords(import('./SyncAlerts')))
    .then(
      (m): { default: ComponentType } => ({ default: m.SyncAlerts }),
      () => ({ default: () => null }),
    ),
);

/** The signed-in frame: top bar with sync status, alerts, the screen, the tab bar. */
export function AppLayout({ device, session }: { device: DeviceInfo; session: Session }) {
  // Signed in means watched: a tablet left alone locks itself.
  useEffect(() => watchIdle(), []);
  // The counter's products stay live while signed in: back on the sell screen, its tiles are there at once.
  const { lang } = useFormat();
  useEffect(() => keepProductsLive(lang), [lang]);
  // The code that checks a change, then the tabs' screens, come with the first tap or key (or a few seconds on),
  // never before the screen is drawn.
  const router = useRouter();
  const role = session.staff.role;
  useEffect(
    () =>
      whenFirstTouched(() => {
        void import('../data/commands/run-command').then((m) => m.preloadCommands()).catch(() => undefined);
        preloadTabs(router, role);
      }),
    [router, role],
  );
  return (
    <div class="app">
      <TopBar centreName={device.centre.name} session={session} />
      <Suspense fallback={null}>
        <SyncAlerts />
      </Suspense>
      <main class="content" id="content">
        {/* A screen's chunk loading shows here, never blanking the bars. */}
        <KeptSellScreen key={session.staff.id} role={session.staff.role} />
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <NavBar role={session.staff.role} />
    </div>
  );
}

