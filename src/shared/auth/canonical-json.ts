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
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}
