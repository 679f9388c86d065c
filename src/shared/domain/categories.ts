/**
 * Where the sell screen files a product. A fixed list, so every tablet shows
 * the same chips in its own language (selling.categories.<code>).
 */
export const CATEGORIES = ['drinks', 'snacks', 'grainOil', 'dailyGoods', 'farmSupplies', 'produce', 'tobaccoAlcohol', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}
