import { describe, expect, it } from 'vitest';
import { checkPinDraft, cleanPin, pinRuleMessage } from '../../src/client/features/staff/pin-draft';
import type { Role } from '../../src/shared/domain/entities';

describe('a new PIN as typed twice', () => {
  const cases: [Role, string, string, string | undefined, string | undefined][] = [
    ['admin', '123456', '123456', undefined, undefined],
    ['admin', '1234', '1234', 'staff.errors.pinAdminLength', undefined],
    ['admin', '1234567', '1234567', 'staff.errors.pinAdminLength', undefined],
    ['clerk', '1234', '1234', undefined, undefined],
    ['clerk', '123456', '123456', undefined, undefined],
    ['trainer', '123', '123', 'staff.errors.pinLength', undefined],
    ['clerk', '12a4', '12a4', 'staff.errors.pinDigitsOnly', undefined],
    ['clerk', '1234', '', undefined, 'staff.errors.pinAgainMissing'],
    ['clerk', '1234', '1243', undefined, 'staff.errors.pinMismatch'],
  ];
  it.each(cases)('%s %s / %s', (role, pin, again, pinError, againError) => {
    const errors = checkPinDraft(role, { pin, again });
    expect(errors.pin?.key).toBe(pinError);
    expect(errors.again?.key).toBe(againError);
  });

  it('names the rule of each role, and keeps only the digits typed', () => {
    expect(pinRuleMessage('admin')).toEqual({ key: 'staff.pin.ruleExact', params: { n: 6 } });
    expect(pinRuleMessage('clerk')).toEqual({ key: 'staff.pin.ruleRange', params: { min: 4, max: 6 } });
    expect(checkPinDraft('clerk', { pin: '12', again: '' }).pin).toEqual({ key: 'staff.errors.pinLength', params: { min: 4, max: 6 } });
    expect(cleanPin('１2a3 4-5678')).toBe('123456');
  });
});
