import { useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { roleMaySee } from '../../shared/domain/permissions';
import type { Role } from '../../shared/domain/entities';
import { Loading } from '../ui/Loading';
import { guarded } from './guarded';
import { ScreenShownContext } from './screen-shown';

const SellRoute = lazy(() => import('../routes/sell').then((m) => ({ default: m.SellRoute })));

/** The sell screen's path. */
export const SELL_PATH = '/';

/** What the sell route itself draws: nothing for a role that may sell (KeptSellScreen draws the screen), "not allowed" for the rest. */
export const SellSpot = guarded({ screen: 'sell' }, () => null);

/**
 * The counter's screen, kept drawn once opened: a clerk goes back to it
 * many times a day, from a receipt or another tab. Tearing it down on the
 * way out and building its grid again on the way back was the slowest
 * tab switch. Hidden, it costs no style, layout or paint (content-visibility)
 * and keeps its cart and the payment being taken. The frame keys it by the person signed in:
 * switching staff draws it afresh, so nothing of one person's sale stays
 * for the next.
 */
export function KeptSellScreen({ role }: { role: Role }) {
  const shown = useRouterState({ select: (s) => s.location.pathname === SELL_PATH });
  const [opened, setOpened] = useState(shown);
  const kept = useRef<HTMLDivElement>(null);
  // The frame fits the screen's height while selling (app.css). A class on the frame rather than
  // a :has() rule: flipping it restyles the content area, where :has() restyled the whole frame.
  useLayoutEffect(() => {
    const frame = kept.current?.closest('.app');
    frame?.classList.toggle('app-selling', shown);
    return () => frame?.classList.remove('app-selling');
  }, [shown, opened]);
  // One element for good: showing or hiding the screen then redraws only what watches `shown`, not the whole sale.
  const screen = useMemo(
    () => (
      <Suspense fallback={<Loading />}>
        <SellRoute />
      </Suspense>
    ),
    [],
  );
  if (shown && !opened) setOpened(true);
  if (!opened || !roleMaySee(role, 'sell')) return null;
  return (
    <div ref={kept} class={shown ? 'kept-screen kept-screen-shown' : 'kept-screen kept-screen-hidden'} data-testid="kept-sell">
      <ScreenShownContext.Provider value={shown}>{screen}</ScreenShownContext.Provider>
    </div>
  );
}
