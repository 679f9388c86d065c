/**
 * Text every store can hold. PostgreSQL refuses NUL in text and JSON, and
 * neither store can keep half of a surrogate pair as UTF-8; SQLite would
 * store them, so both stores refuse such text alike, through the schemas.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The text with each character no store can hold replaced by U+FFFD: for details and logs, never for data. */
export function toStorableText(text: string): string {
  return isStorableText(text) ? text : text.replace(UNSTORABLE_ALL, '\ufffd');
}

export const UNSTORABLE_TEXT_MESSAGE = 'text holds a character that cannot be stored (NUL or half of a surrogate pair)';
