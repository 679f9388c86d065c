import { Sha256 } from '../../../shared/domain/sha256';

/** Files up to this size are hashed whole by WebCrypto (fast); larger ones a chunk at a time. */
export const WHOLE_HASH_MAX_BYTES = 16 * 1024 * 1024;

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The SHA-256 of the parts in order, holding at most one part in memory when they are large. */
export async function sha256OfParts(parts: readonly Blob[]): Promise<string> {
  const size = parts.reduce((n, p) => n + p.size, 0);
  if (size <= WHOLE_HASH_MAX_BYTES) return hex(await crypto.subtle.digest('SHA-256', await new Blob([...parts]).arrayBuffer()));
  const hash = new Sha256();
  for (const part of parts) hash.update(new Uint8Array(await part.arrayBuffer()));
  return hash.hex();
}
