import { useRef, useState } from 'react';
import { RefusalCode } from '../../../shared/domain/refusals';
import { PICKUP_LOCKED } from '../../data/commands/parcel-handover';
import { AppErrorCode, toAppError, type AppError } from '../../data/errors';
import { messageOf, type Message } from '../../ui/useSaveOnce';

const REFUSALS: ReadonlySet<string> = new Set(Object.values(RefusalCode));

/**
 * What a refused order or parcel action says: the shared rule's own refusal
 * (`refusal.<code>`, e.g. illegal_transition, duplicate_tracking), the
 * tablet's pickup lock, else the general error.
 */
export function actionMessage(error: AppError): Message {
  const detail = error.detail;
  if (error.code === AppErrorCode.invalidInput && detail === PICKUP_LOCKED) return { key: 'parcels.errors.pickupLocked' };
  if (error.code === AppErrorCode.invalidInput && detail && detail !== RefusalCode.invalidArgs && REFUSALS.has(detail)) {
    return { key: `refusal.${detail}` };
  }
  return messageOf(error);
}

/**
 * A tap that changes something: runs once even when tapped twice, and a
 * failure leaves a translated message (nothing saved is lost: the command
 * wrote nothing). Unlike a form's save, the screen stays, so `busy` ends.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const inFlight = useRef(false);

  async function run(action: () => Promise<void>): Promise<boolean> {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(true);
    setMessage(null);
    try {
      await action();
      return true;
    } catch (e) {
      setMessage(actionMessage(toAppError(e)));
      return false;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return { busy, message, setMessage, run };
}
