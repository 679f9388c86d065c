/**
 * What a Range header asks of a file of `size` bytes (RFC 9110 §14).
 * `full`: no range asked (or one this server does not serve: another unit,
 * or several ranges, which it answers whole); `part`: one satisfiable range,
 * `end` inclusive; `unsatisfiable`: a malformed byte range or one past the end.
 */
export type RangeAsk = { kind: 'full' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

const BYTES = /^bytes=(.*)$/i;
const ONE = /^\s*(\d*)\s*-\s*(\d*)\s*$/;

export function parseRange(header: string | undefined, size: number): RangeAsk {
  if (header === undefined) return { kind: 'full' };
  const bytes = BYTES.exec(header.trim());
  if (!bytes) return { kind: 'full' };
  const specs = bytes[1]!.split(',');
  if (specs.length > 1) return { kind: 'full' };
  const match = ONE.exec(specs[0]!);
  if (!match) return { kind: 'unsatisfiable' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'unsatisfiable' };
  if (first === '') {
    // A suffix: the last N bytes (all of them when N is more than the file).
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return { kind: 'unsatisfiable' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}

/** Entity tags in an If-None-Match or If-Range value, `W/` marks kept. */
function tagsOf(header: string): string[] {
  return header.match(/(?:W\/)?"[^"]*"|\*/g) ?? [];
}

/** If-None-Match: weak comparison, `*` matches any current file. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return tagsOf(header).some((tag) => tag === '*' || tag.replace(/^W\//, '') === etag);
}

/**
 * If-Range: the range counts only when the validator is this very strong
 * ETag. A date (this server sends no Last-Modified) or another tag means
 * the client's copy may differ: it gets the whole file.
 */
export function rangeStillValid(header: string | undefined, etag: string): boolean {
  if (header === undefined) return true;
  return header.trim() === etag;
}
