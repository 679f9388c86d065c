import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { useDevice } from '../data/device';
import { UpdateBanner } from '../pwa/UpdateBanner';
import { pickName } from '../ui/format';
import { isLanguage } from '../i18n/languages';

// Only one of these is needed at a time: each is its own chunk.
const EnrolScreen = lazy(() => import('../features/enrol/EnrolScreen').then((m) => ({ default: m.EnrolScreen })));
const LoginScreen = lazy(() => import('../features/login/LoginScreen').then((m) => ({ default: m.LoginScreen })));
const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));

function Loading() {
  const { t } = useTranslation();
  return (
    <p class="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/**
 * The root of every route: enrol the tablet first, then pick who is working,
 * then the app. The URL stays put, so a deep link opens after login.
 */
export function AppShell() {
  const { i18n } = useTranslation();
  const device = useDevice();
  const session = useSession();
  const lang = isLanguage(i18n.language) ? i18n.language : 'zh-CN';

  let body;
  if (device === undefined) body = <Loading />;
  else if (device === null) body = <EnrolScreen />;
  else if (!session || session.deviceId !== device.deviceId) body = <LoginScreen centreName={pickName(device.centre.name, lang)} />;
  else body = <AppLayout device={device} session={session} fallback={<Loading />} />;

  return (
    <>
      <UpdateBanner />
      <Suspense fallback={<Loading />}>{body}</Suspense>
    </>
  );
}
