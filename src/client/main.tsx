import { render } from 'preact';
import { App } from './app/App';
import { preloadSignedInScreen, readSellScreenProducts } from './app/first-screen';
import { firstTouched } from './app/when-first-touched';
import { restoreSession } from './auth/session';
import { watchSessionStaff } from './auth/watch-session-staff';
import { requestPersistentStorage } from './data/storage';
import { currentLanguage, initI18n, loadAllWords } from './i18n';
import './ui/app.css';

// The sync engine is its own chunk, started once the tablet is enrolled. It draws nothing (the top
// bar's status does not need it), so it is fetched once the first screen is up (the first tap or key,
// or 1.5 s on), never with it: on a slow link it took its share of the screen's bandwidth.
const startSync = () =>
  firstTouched()
    .then(() => import('./sync'))
    .then((sync) => sync.startSync());
const loadRoutes = () => import('./app/routed').then((routed) => routed.routedApp());

async function start(): Promise<void> {
  void firstTouched();
  preloadSignedInScreen();
  // A reload keeps the person signed in only if their keys are still here.
  await Promise.all([initI18n(), restoreSession()]);
  readSellScreenProducts(currentLanguage());
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element');
  render(<App loadRoutes={loadRoutes} startSync={startSync} />, root);
  // The words of the other screens: once the first screen is up, never in its way on a slow link.
  void firstTouched().then(loadAllWords);
  watchSessionStaff();
  // Ask once: a persisted origin is not evicted under storage pressure (S11).
  void requestPersistentStorage();
}

void start();
