import { describe, expect, it } from 'vitest';
import { WedgeBuffer } from '../../src/client/features/scan/wedge-buffer';

/** Feeds `keys` (Enter last) with the given gaps in ms before each key; what the last key returned. */
function typeWith(buffer: WedgeBuffer, keys: string[], gaps: number[], start = 10_000): string | null {
  let at = start;
  let out: string | null = null;
  keys.forEach((key, i) => {
    at += gaps[i] ?? gaps.at(-1)!;
    out = buffer.key(key, at);
  });
  return out;
}

const code = [...'6920001001018'];

describe('telling a scanner that types from a person', () => {
  it('a scanner: every key a few ms apart, then Enter', () => {
    expect(typeWith(new WedgeBuffer(), [...code, 'Enter'], [6])).toBe('6920001001018');
  });

  it('a scanner on a busy tablet: one key held back 200 ms still reads', () => {
    const gaps = code.map((_, i) => (i === 6 ? 200 : 8)).concat(8);
    expect(typeWith(new WedgeBuffer(), [...code, 'Enter'], gaps)).toBe('6920001001018');
  });

  it('a person: keys 150 ms apart, then Enter, is no scan', () => {
    expect(typeWith(new WedgeBuffer(), [...code, 'Enter'], [150])).toBeNull();
  });

  it('a pause ends a run: what was typed before it is not part of the code', () => {
    const buffer = new WedgeBuffer();
    typeWith(buffer, [...'abc'], [120]);
    expect(typeWith(buffer, [...code, 'Enter'], [1000, ...code.map(() => 5)], 20_000)).toBe('6920001001018');
  });

  it('Shift between characters (a scanner typing capitals) is kept out of the code', () => {
    expect(typeWith(new WedgeBuffer(), ['Shift', 'S', 'Shift', 'F', '1', '4', '0', '0', 'Enter'], [5])).toBe('SF1400');
  });

  it('too short a burst (a key bounced twice) is no scan', () => {
    expect(typeWith(new WedgeBuffer(), ['1', '2', '3', 'Enter'], [5])).toBeNull();
  });
});
