import { asciiNumberText } from './quantity';

/** Money is always an integer number of fen (1 yuan = 100 fen). */
export type Fen = number;

export const MAX_FEN = 100_000_000_00; // ¥100 million: far above any counter sale

/**
 * Parses what a person typed as yuan ("12", "12.5", "12.50", "¥1,200.00")
 * into fen, without floating point. Returns null when it is not an amount.
 * Full-width digits and points (a Chinese keyboard's １２．５０) read as ASCII.
 */
export function parseYuan(text: string): Fen | null {
  // Folded first (asciiNumberText): ￥ is ¥ and ， is , by then.
  const cleaned = asciiNumberText(text).replace(/[¥,]/g, '');
  const match = /^(-?)(\d{1,9})(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign === '-' ? -fen : fen;
}

/** Yuan text for an input field: 1250 -> "12.50". Display uses Intl instead. */
export function fenToYuanText(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
