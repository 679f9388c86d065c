import { useRef, useState } from 'react';
import { toAppError } from '../../data/errors';
import type { Message } from '../../ui/useSaveOnce';
import { staffErrorMessage } from './staff-errors';

/**
 * One staff change started by a tap: runs once however often it is tapped,
 * and unlike a form's save, may run again after it succeeded (the screen
 * stays, for the next change). A failure leaves its translated message.
 */
export function useStaffAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Message | null>(null);
  // A ref as well as state: two taps in one frame both see the old `busy`.
  const inFlight = useRef(false);

  async function run(action: () => Promise<void>): Promise<boolean> {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(true);
    setFailure(null);
    try {
      await action();
      return true;
    } catch (e) {
      setFailure(staffErrorMessage(toAppError(e)));
      return false;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return { busy, failure, clearFailure: () => setFailure(null), run };
}
