import { render } from 'preact';
import { App } from './app/App';
import { makeRouter } from './app/router';
import { requestPersistentStorage } from './data/storage';
import { initI18n } from './i18n';
import './ui/app.css';

async function start(): Promise<void> {
  await initI18n();
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element');
  render(<App router={makeRouter()} />, root);
  // Ask once: a persisted origin is not evicted under storage pressure (S11).
  void requestPersistentStorage();
  // The sync engine is not needed to draw the first screen.
  void import('./sync').then(({ startSync }) => startSync());
}

void start();
