import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { PIN_PATTERN } from '../../../shared/domain/pin';
import { AppErrorCode, toAppError } from '../../data/errors';
import { ErrorText } from '../../ui/ErrorText';
import { useFormat } from '../../ui/format';
import { PinPad } from './PinPad';
import { countdown, useLockout } from './useLockout';

const MAX_PIN = 8;

/**
 * A PIN typed for one person (on the pad or a keyboard), handed to `onPin`,
 * which throws an AppError when it is wrong. While the person is locked out
 * after too many wrong PINs, a countdown shows instead of the submit.
 */
export function PinForm({ staffId, onPin, submitLabel }: { staffId: string; onPin(pin: string): Promise<void>; submitLabel: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lockedMs = useLockout(staffId);
  const canSubmit = PIN_PATTERN.test(pin) && !busy && lockedMs === 0;

  async function submit() {
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      await onPin(pin);
    } catch (e) {
      const code = toAppError(e).code;
      // The countdown says it better than an error line.
      setError(code === AppErrorCode.lockedOut ? null : `errors.${code}`);
      setPin('');
      setBusy(false);
    }
  }

  function type(next: string) {
    setError(null);
    setPin(next.replace(/\D/g, '').slice(0, MAX_PIN));
  }

  return (
    <form
      class="pin-step"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        class="pin-input"
        data-testid="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        aria-label={t('login.pin')}
        value={pin}
        maxLength={MAX_PIN}
        dir="ltr"
        autoFocus
        onInput={(e) => type(e.currentTarget.value)}
      />
      <p class="muted pin-length" aria-hidden="true">
        {t('login.pinDigits', { count: pin.length, n: fmt.number(pin.length) })}
      </p>
      {lockedMs > 0 && (
        <p class="notice" role="status" data-testid="lockout">
          {t('login.lockedOut')}{' '}
          <strong>
            <bdi dir="ltr" data-testid="lockout-countdown">
              {countdown(lockedMs)}
            </bdi>
          </strong>
        </p>
      )}
      <ErrorText code={error} />
      <PinPad onDigit={(d) => type(pin + d)} onDelete={() => type(pin.slice(0, -1))} onSubmit={() => void submit()} canSubmit={canSubmit} />
      <button type="submit" class="button button-primary button-large" data-testid="pin-submit" disabled={!canSubmit}>
        {busy ? t('login.checking') : submitLabel}
      </button>
    </form>
  );
}
