import { render } from 'preact';
import { App } from './app/App';
import { preloadSignedInScreen } from './app/first-screen';
import { restoreSession } from './auth/session';
import { watchSessionStaff } from './auth/watch-session-staff';
import { requestPersistentStorage } from './data/storage';
import { initI18n } from './i18n';
import './ui/app.css';

// The sync engine is its own chunk, loaded once the tablet is enrolled.
const startSync = () => import('./sync').then((sync) => sync.startSync());
const loadRoutes = () => import('./app/routed').then((routed) => routed.routedApp());

async function start(): Promise<void> {
  preloadSignedInScreen();
  // A reload keeps the person signed in only if their keys are still here.
  await Promise.all([initI18n(), restoreSession()]);
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element');
  render(<App loadRoutes={loadRoutes} startSync={startSync} />, root);
  watchSessionStaff();
  // Ask once: a persisted origin is not evicted under storage pressure (S11).
  void requestPersistentStorage();
}

void start();
