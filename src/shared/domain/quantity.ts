import { MAX_QUANTITY } from './stock';

/**
 * Quantities: whole pieces, or weights with at most three decimals (a gram
 * of a kilo). Sums are taken in thousandths, as integers, so 0.1 kg and
 * 0.2 kg make exactly 0.3 kg on every tablet and on the server.
 */

/** Thousandths in one unit: the smallest step of a weighed quantity. */
export const QTY_SCALE = 1000;

/** The least that can be sold or received: one gram of a kilo. */
export const MIN_QUANTITY = 1 / QTY_SCALE;

/** How a product is counted: by the piece (whole numbers) or by weight (three decimals). */
export type SoldBy = 'piece' | 'weight';

export function soldByOf(product: { soldBy?: SoldBy | undefined }): SoldBy {
  return product.soldBy === 'weight' ? 'weight' : 'piece';
}

/** True when `n` is exactly the number a decimal with at most three places names (1.25, not 0.1 + 0.2). */
export function isThousandths(n: number): boolean {
  return Number.isFinite(n) && Math.round(n * QTY_SCALE) / QTY_SCALE === n;
}

/** A refusal's detail: a product sold by the piece was given a decimal quantity. */
export const WHOLE_PIECES = 'sold by the piece: a whole number';

/** True when `n` is a quantity a product sold this way may take: whole for pieces. */
export function fitsSoldBy(n: number, soldBy: SoldBy): boolean {
  return soldBy === 'weight' ? isThousandths(n) : Number.isInteger(n);
}

export function toThousandths(n: number): number {
  return Math.round(n * QTY_SCALE);
}

export function fromThousandths(m: number): number {
  return m / QTY_SCALE;
}

/** a + b, exact for quantities of at most three decimals. */
export function addQuantities(a: number, b: number): number {
  return fromThousandths(toThousandths(a) + toThousandths(b));
}

/** The sum of quantities, exact (see `addQuantities`). */
export function sumQuantities(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += toThousandths(v);
  return fromThousandths(total);
}

/** Items as a clerk counts them: each piece, and a weighed line once, however much it weighs. */
export function itemCount<L extends { qty: number }>(lines: readonly L[], weighed: (line: L) => boolean): number {
  return lines.reduce((sum, line) => sum + (weighed(line) ? 1 : line.qty), 0);
}

/**
 * Digits and signs as typed on any keyboard, without spaces: full-width
 * ０-９, ．and ￥, and the Chinese full stop (。 and the half-width ｡), read
 * as ASCII. Quantities and money amounts (money.ts) are both read so.
 */
export function asciiNumberText(text: string): string {
  return text.normalize('NFKC').replace(/。/g, '.').replace(/\s+/g, '');
}

/**
 * A non-negative quantity typed by a person, with up to `decimals` places
 * (0 for pieces, 3 for weights), full-width digits too; null when it is not one.
 */
export function parseQuantityText(text: string, decimals: 0 | 3 = 0): number | null {
  const cleaned = asciiNumberText(text);
  const match = /^(\d{1,7})(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, whole, fraction] = match;
  if (fraction !== undefined && (decimals === 0 ? fraction.replace(/0+$/, '') !== '' : fraction.length > decimals)) return null;
  const n = fromThousandths(Number(whole) * QTY_SCALE + Number((fraction ?? '').padEnd(3, '0').slice(0, 3)));
  return n <= MAX_QUANTITY ? n : null;
}

/** Decimals a product's quantities are typed with. */
export function decimalsFor(soldBy: SoldBy): 0 | 3 {
  return soldBy === 'weight' ? 3 : 0;
}
