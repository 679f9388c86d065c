/**
 * One text for one JSON value, whoever encodes it: object keys sorted by
 * UTF-16 code units (as RFC 8785 does), no white space, strings and numbers
 * as JSON.stringify writes them, object members that are `undefined` left
 * out (JSON has no undefined). The tablet signs this text and the server
 * checks it, so the two must never differ: tests compare them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // NaN and Infinity have no JSON form; no schema lets them through.
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: a number that JSON cannot hold');
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? arrayJson(value) : objectJson(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}

// Written with plain loops and string appends: the server checks thousands of proofs per push.

function arrayJson(items: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ',';
    const item = items[i];
    text += item === undefined ? 'null' : canonicalJson(item);
  }
  return `${text}]`;
}

/** Keys as JSON, kept: the same few keys come back on every mutation. */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_MAX = 10_000;

function quoted(key: string): string {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (quotedKeys.size < QUOTED_KEYS_MAX) quotedKeys.set(key, text);
  }
  return text;
}

function objectJson(record: Record<string, unknown>): string {
  // The default sort compares UTF-16 code units, as RFC 8785 orders keys.
  const keys = Object.keys(record).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) text += ',';
    first = false;
    text += `${quoted(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}
