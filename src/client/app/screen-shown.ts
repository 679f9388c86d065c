import { createContext, useContext } from 'react';

/**
 * Whether the screen around a component is the one on view. A screen the
 * frame keeps drawn while another tab is open (the sell screen) is told when
 * it is hidden, so that what it does for the person in front of it (taking a
 * scanner's codes) waits until it is back.
 */
export const ScreenShownContext = createContext(true);

export function useScreenShown(): boolean {
  return useContext(ScreenShownContext);
}
