import { useRef, useState } from 'react';
import { toAppError } from '../data/errors';

/**
 * A save a person starts with a tap: it runs once even when tapped twice, and
 * a failure leaves a translated error key (`errors.<code>`) to show. After a
 * success `saving` stays true: the screen moves on and must not save again.
 */
export function useSaveOnce() {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A ref as well as state: two taps in one frame both see the old `saving`.
  const inFlight = useRef(false);

  async function run(action: () => Promise<void>): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(`errors.${toAppError(e).code}`);
      inFlight.current = false;
      setSaving(false);
    }
  }

  return { saving, error, setError, run };
}
