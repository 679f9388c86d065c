import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Role } from '../../../shared/domain/entities';
import { pinRuleFor } from '../../../shared/domain/pin-rule';
import { ErrorText } from '../../ui/ErrorText';
import { PinPad } from '../login/PinPad';
import { cleanPin, PIN_MAX_DIGITS, pinRuleMessage, type PinDraft, type PinErrors } from './pin-draft';

type Which = keyof PinDraft;

/**
 * A new PIN typed twice, on the big pad or the keyboard. The pad types into
 * the field last tapped; its tick moves from the first field to the second,
 * then asks the form to save.
 */
export function NewPinFields({ role, draft, errors, onChange, onDone, testId }: {
  role: Role;
  draft: PinDraft;
  errors: PinErrors;
  onChange(next: PinDraft): void;
  onDone(): void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [active, setActive] = useState<Which>('pin');
  const inputs = { pin: useRef<HTMLInputElement>(null), again: useRef<HTMLInputElement>(null) };
  const rule = pinRuleMessage(role);
  const { minLength } = pinRuleFor(role);

  const set = (which: Which, typed: string) => onChange({ ...draft, [which]: cleanPin(typed) });
  const focus = (which: Which) => {
    setActive(which);
    inputs[which].current?.focus();
  };

  function field(which: Which, label: string) {
    const error = errors[which];
    return (
      <label class={active === which ? 'field pin-field pin-field-active' : 'field pin-field'}>
        <span>{label}</span>
        <input
          ref={inputs[which]}
          class="pin-input"
          data-testid={`${testId}-${which}`}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          dir="ltr"
          maxLength={PIN_MAX_DIGITS}
          value={draft[which]}
          aria-invalid={error !== undefined}
          onFocus={() => setActive(which)}
          onInput={(e) => set(which, e.currentTarget.value)}
        />
        <ErrorText code={error?.key} params={error?.params} />
      </label>
    );
  }

  return (
    <div class="new-pin">
      <p class="muted" data-testid={`${testId}-rule`}>
        {t(rule.key, rule.params ?? {})}
      </p>
      <div class="new-pin-fields">
        {field('pin', t('staff.pin.new'))}
        {field('again', t('staff.pin.again'))}
      </div>
      <PinPad
        onDigit={(d) => set(active, draft[active] + d)}
        onDelete={() => set(active, draft[active].slice(0, -1))}
        onSubmit={() => (active === 'pin' ? focus('again') : onDone())}
        canSubmit={draft[active].length >= minLength}
      />
    </div>
  );
}
