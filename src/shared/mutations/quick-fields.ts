import { ISO_TIMESTAMP_REGEX, type InferOutput } from 'valibot';
import { MAX_FEN } from '../domain/money';
import { isThousandths, MIN_QUANTITY } from '../domain/quantity';
import { MAX_QUANTITY } from '../domain/stock';
import { isStorableText } from '../domain/text';
import type { localizedName } from './fields';

/**
 * Plain predicates mirroring the field schemas in `fields.ts`, for quick
 * checks that skip valibot on the hot path. Each says yes only when its
 * schema accepts the value and outputs it unchanged; anything unusual is a
 * no, and the schema then decides and explains.
 */

/**
 * A plain object as JSON.parse or a structured clone builds it. Not one
 * without prototype: the schema would output an ordinary object instead.
 */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** An ordinary array (not a subclass, not array-like). */
export function isPlainArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;
}

/** The keys a strict object may hold; `optional` ones may be missing. */
export interface KeySpec {
  keys: readonly string[];
  optional: readonly string[];
  /** Only in the order of `keys` (the order the schema outputs them in). */
  inOrder: boolean;
}

/**
 * True when every enumerable key of the object is its own and one of
 * `spec.keys` (in their order if asked), and each key it lacks is optional
 * and truly absent: the schema also reads inherited and hidden keys.
 */
function hasKeysOf(record: Record<string, unknown>, spec: KeySpec): boolean {
  const { keys } = spec;
  let seen = 0;
  let last = -1;
  for (const key in record) {
    const index = keys.indexOf(key);
    if (index < 0 || !Object.hasOwn(record, key) || (spec.inOrder && index <= last)) return false;
    seen |= 1 << index;
    last = index;
  }
  for (let i = 0; i < keys.length; i++) {
    if ((seen & (1 << i)) !== 0) continue;
    const key = keys[i]!;
    if (!spec.optional.includes(key) || key in record) return false;
  }
  return true;
}

/** `strictObject` with the keys of `spec`, before its fields are checked: a plain record whose keys fit. */
export function isRecordWithKeys(value: unknown, spec: KeySpec): value is Record<string, unknown> {
  return isPlainRecord(value) && hasKeysOf(value, spec);
}

const HYPHEN = 0x2d;
const IS_LOWER_HEX = new Uint8Array(128);
for (const digit of '0123456789abcdef') IS_LOWER_HEX[digit.charCodeAt(0)] = 1;

function isLowerHexRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || IS_LOWER_HEX[code] === 0) return false;
  }
  return true;
}

/**
 * `UUID_PATTERN` spelled out (lowercase hex in groups of 8-4-4-4-12): the
 * regular expression costs about twice as much, five times per mutation.
 */
export function isQuickUuid(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length === 36 &&
    isLowerHexRun(value, 0, 8) &&
    value.charCodeAt(8) === HYPHEN &&
    isLowerHexRun(value, 9, 13) &&
    value.charCodeAt(13) === HYPHEN &&
    isLowerHexRun(value, 14, 18) &&
    value.charCodeAt(18) === HYPHEN &&
    isLowerHexRun(value, 19, 23) &&
    value.charCodeAt(23) === HYPHEN &&
    isLowerHexRun(value, 24, 36)
  );
}

export function isQuickFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_FEN;
}

export function isQuickQuantity(value: unknown): value is number {
  return typeof value === 'number' && value >= MIN_QUANTITY && value <= MAX_QUANTITY && isThousandths(value);
}

/** `shortText(max)` without its trim: text with whitespace at either end would change, so it is a no. */
export function isQuickShortText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max && value.trim().length === value.length && isStorableText(value);
}

/** valibot's own `isoTimestamp` pattern, so the two can never disagree. */
export function isQuickIsoTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_TIMESTAMP_REGEX.test(value);
}

const NAME_KEYS: KeySpec = { keys: ['zh-CN', 'en', 'ug'], optional: ['zh-CN', 'en', 'ug'], inOrder: true };

/**
 * `localizedName`: some of zh-CN, en, ug in that order (the schema's output
 * order, which a sale line's stored JSON keeps), at least one not empty.
 * A key present with `undefined` is kept by the schema as it is, so it passes.
 * `max` is 20 for a unit's names (`unitNames`).
 */
export function isQuickLocalizedName(value: unknown, max = 120): value is InferOutput<typeof localizedName> {
  if (!isRecordWithKeys(value, NAME_KEYS)) return false;
  let named = false;
  for (const key in value) {
    const name = value[key];
    if (name === undefined) continue;
    if (!isQuickShortText(name, max)) return false;
    if (name.length > 0) named = true;
  }
  return named;
}
