import { useCallback, useEffect, useRef, useState } from 'react';
import { AppError, AppErrorCode, toAppError, UNSTORABLE_TEXT_DETAIL } from '../data/errors';

/** How long a save runs before its button says "saving…". */
export const SAVING_SHOWN_AFTER_MS = 150;

/** A translated message: its i18n key and what fills it in. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/** The message a failed save shows: `errors.<code>`, with the wait when the server named one. */
export function messageOf(error: AppError): Message {
  const seconds = error.retryAfterSeconds;
  if (error.code === AppErrorCode.rateLimited && seconds !== undefined && seconds > 0) {
    return { key: 'errors.rate_limited_wait', params: { count: seconds, n: seconds } };
  }
  if (error.code === AppErrorCode.invalidInput && error.detail === UNSTORABLE_TEXT_DETAIL) return { key: 'errors.unstorable_text' };
  return { key: `errors.${error.code}` };
}

/**
 * A save a person starts with a tap: it runs once even when tapped twice, and
 * a failure leaves a translated message to show (`error` its key, `errorParams`
 * what fills it in). A failure `explain` takes (returns true for, say to show
 * it under a field, or to set a message of its own) sets no message. After a
 * success `saving` stays true: the screen moves on and must not save again.
 * A screen that stays for the next one (the kept sell screen) calls `again`
 * once it has emptied itself.
 *
 * `saving` turns true only once a save has taken SAVING_SHOWN_AFTER_MS: a
 * quick one shows no "saving…" flash, and the screen is not redrawn at the
 * tap (on a slow tablet that redraw held up the save's own reads). A second
 * tap meanwhile is refused all the same (the ref below).
 */
export function useSaveOnce() {
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  // A ref as well as state: two taps in one frame both see the old `saving`.
  const inFlight = useRef(false);
  const showSaving = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopShowing = () => clearTimeout(showSaving.current);
  useEffect(() => stopShowing, []);

  async function run(action: () => Promise<void>, explain?: (error: AppError) => boolean): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    showSaving.current = setTimeout(() => setSaving(true), SAVING_SHOWN_AFTER_MS);
    setMessage(null);
    try {
      await action();
      stopShowing();
      // Unless the screen has emptied itself for the next save (`again`).
      if (inFlight.current) setSaving(true);
    } catch (e) {
      stopShowing();
      const error = toAppError(e);
      if (!explain?.(error)) setMessage(messageOf(error));
      inFlight.current = false;
      setSaving(false);
    }
  }

  const setError = useCallback((key: string | null) => setMessage(key === null ? null : { key }), []);
  const again = useCallback(() => {
    stopShowing();
    inFlight.current = false;
    setSaving(false);
  }, []);
  return { saving, error: message?.key ?? null, errorParams: message?.params, setError, run, again };
}
