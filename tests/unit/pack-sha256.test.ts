import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256OfParts, WHOLE_HASH_MAX_BYTES } from '../../src/client/data/packs/sha256-stream';
import { Sha256 } from '../../src/shared/domain/sha256';

const reference = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('checking a stored file against its sha256, a chunk at a time', () => {
  it('gives the standard digest for any length and any split into pieces', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 70_001]) {
      const bytes = randomBytes(length);
      expect(new Sha256().hex(), 'empty').toBe(reference(new Uint8Array(0)));
      const whole = new Sha256().update(bytes).hex();
      expect(whole, `length ${length}`).toBe(reference(bytes));
      const pieces = new Sha256();
      for (let at = 0; at < length; at += 37) pieces.update(bytes.subarray(at, at + 37));
      expect(pieces.hex(), `length ${length} in pieces`).toBe(reference(bytes));
    }
  });

  it('hashes a file larger than the whole-buffer limit from its chunks', async () => {
    const chunk = randomBytes(1024 * 1024);
    const chunks = Array.from({ length: Math.ceil(WHOLE_HASH_MAX_BYTES / chunk.length) + 1 }, (_, i) => {
      const copy = Buffer.from(chunk);
      copy[0] = i;
      return copy;
    });
    const expected = reference(Buffer.concat(chunks));
    expect(await sha256OfParts(chunks.map((c) => new Blob([new Uint8Array(c)])))).toBe(expected);
    expect(await sha256OfParts([new Blob([new Uint8Array(chunk)])])).toBe(reference(chunk));
  });
});
