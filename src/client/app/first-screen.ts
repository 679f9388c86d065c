import { sessionStored } from '../auth/session';

/**
 * On a reload while someone is signed in, the screen's code would otherwise
 * arrive one chunk after another (router, then the route, then the frame),
 * each a round trip on a slow link. Asked for together here, as the app
 * starts, they come in one wave; the later imports find them loaded. The
 * sync engine is not among them: it is fetched once the screen is up
 * (main.tsx). A tablet not yet enrolled or signed in fetches none of this
 * (its first screen stays small).
 */
export function preloadSignedInScreen(): void {
  if (!sessionStored()) return;
  void import('./routed');
  void import('./AppLayout');
  if (window.location.pathname === '/') void import('../routes/sell');
}
