import { Outlet, useRouter } from '@tanstack/react-router';
import { Suspense, useEffect } from 'react';
import { watchIdle } from '../auth/idle-lock';
import type { Session } from '../auth/session';
import type { DeviceInfo } from '../data/device';
import { preloadCommands } from '../data/commands/run-command';
import { keepProductsLive } from '../data/queries/products';
import { ClockWarning } from '../features/sync/ClockWarning';
import { CreditOverLimitAlert } from '../features/sync/CreditOverLimitAlert';
import { OversoldAlert } from '../features/sync/OversoldAlert';
import { RefusalsNotice } from '../features/sync/RefusalsNotice';
import { Loading } from '../ui/Loading';
import { useFormat } from '../ui/format';
import { KeptSellScreen } from './KeptSellScreen';
import { NavBar } from './NavBar';
import { preloadTabs } from './preload-tabs';
import { TopBar } from './TopBar';
import { whenFirstTouched } from './when-first-touched';

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
        preloadCommands();
        preloadTabs(router, role);
      }),
    [router, role],
  );
  return (
    <div class="app">
      <TopBar centreName={device.centre.name} session={session} />
      <div class="alerts">
        <ClockWarning />
        <OversoldAlert />
        <CreditOverLimitAlert />
        <RefusalsNotice />
      </div>
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

