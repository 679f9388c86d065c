import { Link, Outlet } from '@tanstack/react-router';
import { Suspense } from 'react';
import { Icon } from '../../ui/Icon';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { Loading } from '../../ui/Loading';
import { useCountyTranslation } from './i18n';
import { LoginScreen } from './LoginScreen';
import { CountySessionProvider, useCounty } from './session';
import { useOnline } from './useOnline';

function OfflineBanner() {
  const { t } = useCountyTranslation();
  return (
    <div class="banner banner-warning county-offline" role="status" data-testid="county-offline">
      <Icon name="warning" />
      <div class="banner-text">
        <strong>{t('offline.title')}</strong>
        <span>{t('offline.body')}</span>
      </div>
    </div>
  );
}

function Header({ username }: { username: string }) {
  const { t } = useCountyTranslation();
  const { signOut } = useCounty();
  return (
    <header class="county-header">
      <div class="county-brand">
        <img src="/icons/icon-192.png" alt="" width={32} height={32} />
        <strong>{t('title')}</strong>
      </div>
      <nav class="county-nav" aria-label={t('nav.label')}>
        <Link to="/county" className="county-nav-link" activeOptions={{ exact: true }} activeProps={{ 'aria-current': 'page' }}>
          {t('nav.centres')}
        </Link>
        <Link to="/county/import" className="county-nav-link" activeProps={{ 'aria-current': 'page' }}>
          {t('nav.import')}
        </Link>
        <Link to="/county/packs" className="county-nav-link" activeProps={{ 'aria-current': 'page' }}>
          {t('nav.packs')}
        </Link>
      </nav>
      <div class="county-user">
        <Icon name="user" />
        <span data-testid="county-username">{username}</span>
        <button type="button" class="button button-small" data-testid="county-sign-out" onClick={() => void signOut().catch(() => undefined)}>
          <Icon name="logout" class="flip-rtl" />
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}

function Gate() {
  const { state } = useCounty();
  const online = useOnline();
  if (state.status === 'checking') return <Loading />;
  if (state.status === 'signedOut') {
    return (
      <>
        {!online && <OfflineBanner />}
        <LoginScreen reason={state.reason} />
      </>
    );
  }
  return (
    <div class="county">
      <Header username={state.username} />
      {!online && <OfflineBanner />}
      <main class="county-main" id="content">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer class="county-footer">
        <LanguageSwitcher />
      </footer>
    </div>
  );
}

/** The county admin area's frame: sign-in first, then the header and the page. Online only. */
export function CountyFrame() {
  return (
    <CountySessionProvider>
      <Gate />
    </CountySessionProvider>
  );
}
