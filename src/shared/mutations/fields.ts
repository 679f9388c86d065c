import * as v from 'valibot';
import { UUID_PATTERN } from '../domain/ids';
import { MAX_FEN } from '../domain/money';
import { isThousandths, MIN_QUANTITY } from '../domain/quantity';
import { MAX_QUANTITY } from '../domain/stock';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../domain/text';

/** Field schemas shared by several mutations and messages. */
export const uuid = v.pipe(v.string(), v.regex(UUID_PATTERN));
export const fen = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_FEN));
/**
 * A quantity sold or received: whole pieces, or a weight with at most three
 * decimals (whether decimals fit the product is its mutation's check).
 */
export const quantity = v.pipe(
  v.number(),
  v.minValue(MIN_QUANTITY),
  v.maxValue(MAX_QUANTITY),
  v.check(isThousandths, 'at most three decimals'),
);
/** Any text the stores can hold (S12): no NUL, no half of a surrogate pair. */
export const storableText = v.pipe(v.string(), v.check(isStorableText, UNSTORABLE_TEXT_MESSAGE));
export const shortText = (max: number) => v.pipe(storableText, v.trim(), v.maxLength(max));
/** A movement's free-text note: the schema's bound and the form's. */
export const NOTE_MAX_LENGTH = 200;
export const localizedName = v.pipe(
  v.strictObject({
    'zh-CN': v.optional(shortText(120)),
    en: v.optional(shortText(120)),
    ug: v.optional(shortText(120)),
  }),
  v.check((names) => Object.values(names).some((name) => !!name && name.length > 0), 'a name is required'),
);
/** A unit's name in each language, like a product's name but short (and, like `unit`, possibly empty). */
export const unitNames = v.strictObject({
  'zh-CN': v.optional(shortText(20)),
  en: v.optional(shortText(20)),
  ug: v.optional(shortText(20)),
});
export const isoTime = v.pipe(v.string(), v.isoTimestamp());
