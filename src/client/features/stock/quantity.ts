import { MAX_QUANTITY } from '../../../shared/domain/stock';

/** A whole, non-negative count typed by a person; null when it is not one. */
export function parseQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= MAX_QUANTITY ? n : null;
}
