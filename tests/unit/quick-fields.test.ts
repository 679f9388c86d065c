import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { UUID_PATTERN } from '../../src/shared/domain/ids';
import { isoTime, shortText, uuid } from '../../src/shared/mutations/fields';
import { isQuickIsoTime, isQuickShortText, isQuickUuid } from '../../src/shared/mutations/quick-fields';
import { isoTimeArb, uuidArb } from './support/quick-check-inputs';

/** The field predicates agree with the field schemas they stand in for. */

/** A valid value with one character changed, dropped or added. */
function nearby(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const char = fc.oneof(fc.constantFrom('-', 'A', 'F', 'g', '0', 'f', ' ', 'Z', 'T', ':', '.', '+', '\u0660'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
  return fc.tuple(valid, fc.nat(), char, fc.constantFrom('replace', 'drop', 'insert')).map(([text, at, c, how]) => {
    const i = at % (text.length + 1);
    if (how === 'drop') return text.slice(0, i) + text.slice(i + 1);
    if (how === 'insert') return text.slice(0, i) + c + text.slice(i);
    return text.slice(0, i) + c + text.slice(i + 1);
  });
}

// Property runs of thousands of inputs: seconds on a busy two-core machine.
describe('quick field predicates', { timeout: 30_000 }, () => {
  it('take exactly the uuids UUID_PATTERN takes', () => {
    fc.assert(
      fc.property(fc.oneof(uuidArb, nearby(uuidArb), fc.string()), (text) => {
        expect(isQuickUuid(text)).toBe(UUID_PATTERN.test(text));
        if (isQuickUuid(text)) expect(v.parse(uuid, text)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('take a timestamp only when the isoTime schema does', () => {
    fc.assert(
      fc.property(fc.oneof(isoTimeArb, nearby(isoTimeArb), fc.string()), (text) => {
        expect(isQuickIsoTime(text)).toBe(v.safeParse(isoTime, text).success);
      }),
      { numRuns: 3000 },
    );
  });

  it('take short text only when the schema keeps it as it is', () => {
    const edge = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000', '\ufeff', '\u2028', '\u200b', '\u180e', 'x', '名', 'ئ');
    const text = fc.tuple(edge, fc.string({ unit: 'binary', maxLength: 30 }), edge).map(([a, b, c]) => a + b + c);
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 30 })), fc.integer({ min: 0, max: 40 }), (value, max) => {
        const parsed = v.safeParse(shortText(max), value);
        if (isQuickShortText(value, max)) expect(parsed.output).toBe(value);
        else expect(parsed.success && parsed.output === value).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('say no to text with spaces at either end, which the schema would trim', () => {
    expect(isQuickShortText('酱油', 20)).toBe(true);
    expect(isQuickShortText('Soy sauce', 20)).toBe(true);
    expect(isQuickShortText(' 酱油', 20)).toBe(false);
    expect(isQuickShortText('酱油\u3000', 20)).toBe(false);
    expect(isQuickShortText('x'.repeat(21), 20)).toBe(false);
  });
});
