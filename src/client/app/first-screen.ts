import type { Language } from '../../shared/domain/entities';
import { sessionStored } from '../auth/session';
import { keepProductsLive } from '../data/queries/products';
import { firstTouched } from './when-first-touched';

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

/**
 * On a signed-in start at the sell screen, its products are read while the
 * frame draws, not after: the frame keeps them live once it is up
 * (AppLayout), and the screen then draws its tiles in its first pass rather
 * than after a paint, an effect and a read of the database. Held until the
 * first tap or key (or a moment on), by when the frame holds them itself.
 */
export function readSellScreenProducts(lang: Language): void {
  if (!sessionStored() || window.location.pathname !== '/') return;
  const stop = keepProductsLive(lang);
  void firstTouched().then(stop);
}
