import type { TableName, AnyRow, Sale, StockMovement, Product } from './entities';
import { addQuantities } from './quantity';

/** The most units one line, movement or threshold may name: far above any village shelf. */
export const MAX_QUANTITY = 1_000_000;

export interface StockEffect {
  productId: string;
  delta: number;
}

/**
 * The stock a newly written row moves. Movements and sales are insert-only,
 * so each row's effect is counted exactly once, when it first appears;
 * adding effects commutes, which is why two offline sales of the last unit
 * both stand and leave -1 (S7).
 */
export function stockEffects(table: TableName, row: AnyRow): StockEffect[] {
  if (table === 'movements') {
    const m = row as StockMovement;
    return [{ productId: m.productId, delta: m.delta }];
  }
  if (table === 'sales') {
    return (row as Sale).lines.map((line) => ({ productId: line.productId, delta: -line.qty }));
  }
  return [];
}

export type StockState = 'oversold' | 'out' | 'low' | 'ok';

export function stockState(level: number, product: Pick<Product, 'lowStockThreshold'>): StockState {
  if (level < 0) return 'oversold';
  if (level === 0) return 'out';
  if (level <= product.lowStockThreshold) return 'low';
  return 'ok';
}

/** Adds effects into a level map (product id -> level), in thousandths so weights sum exactly. */
export function applyEffects(levels: Map<string, number>, effects: readonly StockEffect[]): void {
  for (const { productId, delta } of effects) levels.set(productId, addQuantities(levels.get(productId) ?? 0, delta));
}
