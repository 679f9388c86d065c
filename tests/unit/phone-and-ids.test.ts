import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deterministicId, normaliseTrackingNo, parcelIdFor, pickupCodeId, sha256 } from '../../src/shared/domain/deterministic-id';
import { UUID_PATTERN } from '../../src/shared/domain/ids';
import { isMainlandMobile, normalisePhone } from '../../src/shared/domain/phone';

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    [' 15909913386 ', '15909913386'],
    ['', ''],
  ])('normalises %j to %j', (typed, stored) => {
    expect(normalisePhone(typed)).toBe(stored);
  });

  it('knows a mainland mobile number', () => {
    for (const ok of ['13812345678', '19912345678', '+86 177 9941 3608', '130-0997-7412']) expect(isMainlandMobile(ok), ok).toBe(true);
    for (const bad of ['', '12812345678', '1381234567', '138123456789', '0991-1234567', '8613812345678', '+1 3812345678', '1381234567x']) {
      expect(isMainlandMobile(bad), bad).toBe(false);
    }
  });
});

describe('deterministic ids', () => {
  it('SHA-256 matches node:crypto', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });

  it('are UUIDs of version 8 with the RFC variant, the same for the same input', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (namespace, text) => {
        const id = deterministicId(namespace, text);
        expect(id).toMatch(UUID_PATTERN);
        expect(id[14]).toBe('8');
        expect('89ab').toContain(id[19]);
        expect(deterministicId(namespace, text)).toBe(id);
      }),
    );
    expect(deterministicId('parcel', 'a')).not.toBe(deterministicId('pickup', 'a'));
    expect(deterministicId('ab', 'c')).not.toBe(deterministicId('a', 'bc'));
  });

  it('one parcel id per tracking number however it is typed', () => {
    expect(normaliseTrackingNo(' sf 1402 8733 65019 ')).toBe('SF1402873365019');
    expect(parcelIdFor('sf1402873365019')).toBe(parcelIdFor('SF 1402 873 365 019'));
    expect(parcelIdFor('SF1402873365019')).not.toBe(parcelIdFor('SF1402873365018'));
    expect(pickupCodeId('123456')).toBe(pickupCodeId('123456'));
    expect(pickupCodeId('123456')).not.toBe(pickupCodeId('123457'));
  });
});
