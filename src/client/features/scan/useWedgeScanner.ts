import { useEffect, useRef } from 'react';
import { useScreenShown } from '../../app/screen-shown';
import { WedgeBuffer } from './wedge-buffer';

/** The listening hooks' handlers, the newest last: only it takes a code (the scanner sheet over the sell screen). */
const takers: object[] = [];

/**
 * Codes typed by a USB or Bluetooth scanner anywhere on the screen while
 * the hook's screen is on view: fast bursts ending with Enter (see WedgeBuffer). A person typing
 * into a field is too slow to count, and their Enter is left alone. The
 * scanner's Enter is taken (no form submits half-filled); the characters it
 * typed into a focused field stay there for the screen to clear. When more
 * than one listens, the one that started last takes the code.
 */
export function useWedgeScanner(onCode: (code: string) => void): void {
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  // A screen kept drawn behind another (the sell screen) takes no codes: the screen on view has them.
  const enabled = useScreenShown();

  useEffect(() => {
    if (!enabled) return;
    const taker = onCodeRef;
    const buffer = new WedgeBuffer();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) {
        buffer.reset();
        return;
      }
      const code = buffer.key(event.key, performance.now());
      if (code === null || takers.at(-1) !== taker) return;
      event.preventDefault();
      event.stopPropagation();
      taker.current(code);
    };
    takers.push(taker);
    // Capture phase: the scanner's Enter is seen before a focused field's own handler.
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      takers.splice(takers.indexOf(taker), 1);
    };
  }, [enabled]);
}
