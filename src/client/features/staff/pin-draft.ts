import type { Role } from '../../../shared/domain/entities';
import { pinRuleFor } from '../../../shared/domain/pin-rule';
import type { Message } from '../../ui/useSaveOnce';

/** A new PIN as typed twice. */
export interface PinDraft {
  pin: string;
  again: string;
}

export interface PinErrors {
  pin?: Message;
  again?: Message;
}

/** The longest PIN any role allows: inputs stop there. */
export const PIN_MAX_DIGITS = Math.max(...(['admin', 'clerk', 'trainer'] as const).map((r) => pinRuleFor(r).maxLength));

/** What the rule asks for, in words: "6 digits" or "4 to 6 digits". */
export function pinRuleMessage(role: Role): Message {
  const { minLength, maxLength } = pinRuleFor(role);
  return minLength === maxLength
    ? { key: 'staff.pin.ruleExact', params: { n: minLength } }
    : { key: 'staff.pin.ruleRange', params: { min: minLength, max: maxLength } };
}

/** Only digits (full-width ones from a Chinese keyboard count), at most the longest PIN: what the inputs keep. */
export function cleanPin(typed: string): string {
  return typed.normalize('NFKC').replace(/\D/g, '').slice(0, PIN_MAX_DIGITS);
}

/**
 * Checks a new PIN against its role's rule and its repetition, with messages
 * a person understands. Empty when both are fine.
 */
export function checkPinDraft(role: Role, draft: PinDraft): PinErrors {
  const { minLength, maxLength } = pinRuleFor(role);
  const errors: PinErrors = {};
  if (!/^\d*$/.test(draft.pin)) errors.pin = { key: 'staff.errors.pinDigitsOnly' };
  else if (draft.pin.length < minLength || draft.pin.length > maxLength) {
    const rule = pinRuleMessage(role);
    errors.pin = { key: role === 'admin' ? 'staff.errors.pinAdminLength' : 'staff.errors.pinLength', params: rule.params ?? {} };
  } else if (draft.again === '') errors.again = { key: 'staff.errors.pinAgainMissing' };
  else if (draft.again !== draft.pin) errors.again = { key: 'staff.errors.pinMismatch' };
  return errors;
}

export function hasPinErrors(errors: PinErrors): boolean {
  return errors.pin !== undefined || errors.again !== undefined;
}
