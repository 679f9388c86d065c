import { useTranslation } from '../../i18n/use-translation';
import { Icon } from '../../ui/Icon';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** Big on-screen digits; the PIN field beside it accepts a keyboard too. */
export function PinPad({ onDigit, onDelete, onSubmit, canSubmit }: {
  onDigit(digit: string): void;
  onDelete(): void;
  onSubmit(): void;
  canSubmit: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div class="pin-pad" dir="ltr">
      {DIGITS.map((d) => (
        <button type="button" key={d} class="pin-key" onClick={() => onDigit(d)} data-testid={`pin-key-${d}`}>
          {d}
        </button>
      ))}
      <button type="button" class="pin-key pin-key-action" onClick={onDelete} aria-label={t('login.delete')}>
        <Icon name="backspace" size={28} />
      </button>
      <button type="button" class="pin-key" onClick={() => onDigit('0')} data-testid="pin-key-0">
        0
      </button>
      <button
        type="button"
        class="pin-key pin-key-ok"
        data-testid="pin-key-ok"
        onClick={onSubmit}
        disabled={!canSubmit}
        aria-label={t('login.submit')}
      >
        <Icon name="check" size={28} />
      </button>
    </div>
  );
}
