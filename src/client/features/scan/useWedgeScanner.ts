import { useEffect, useRef } from 'react';
import { WedgeBuffer } from './wedge-buffer';

/**
 * Codes typed by a USB or Bluetooth scanner anywhere on the screen while
 * `enabled`: fast bursts ending with Enter (see WedgeBuffer). A person typing
 * into a field is too slow to count, and their Enter is left alone. The
 * scanner's Enter is taken (no form submits half-filled); the characters it
 * typed into a focused field stay there for the screen to clear.
 */
export function useWedgeScanner(enabled: boolean, onCode: (code: string) => void): void {
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    if (!enabled) return;
    const buffer = new WedgeBuffer();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) {
        buffer.reset();
        return;
      }
      const code = buffer.key(event.key, performance.now());
      if (code === null) return;
      event.preventDefault();
      event.stopPropagation();
      onCodeRef.current(code);
    };
    // Capture phase: the scanner's Enter is seen before a focused field's own handler.
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
