import type { Role } from './entities';

/**
 * How long a PIN must be, by role. An admin's PIN unlocks staff changes and
 * price edits, so it is six digits; others may choose four to six. The
 * tablet checks new PINs with this and the server's admin commands too.
 */
export interface PinRule {
  minLength: number;
  maxLength: number;
}

const RULES: Record<Role, PinRule> = {
  admin: { minLength: 6, maxLength: 6 },
  clerk: { minLength: 4, maxLength: 6 },
  trainer: { minLength: 4, maxLength: 6 },
};

export function pinRuleFor(role: Role): PinRule {
  return RULES[role];
}

export function isPinAllowed(role: Role, pin: string): boolean {
  const { minLength, maxLength } = RULES[role];
  return /^\d+$/.test(pin) && pin.length >= minLength && pin.length <= maxLength;
}
