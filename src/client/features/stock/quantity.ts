import { decimalsFor, parseQuantityText, soldByOf } from '../../../shared/domain/quantity';
import type { Product } from '../../../shared/domain/entities';

/** A quantity of this product as typed: whole pieces, or a weight with up to three decimals. */
export function parseProductQuantity(text: string, product: Pick<Product, 'soldBy'>): number | null {
  return parseQuantityText(text, decimalsFor(soldByOf(product)));
}

/** The message under a quantity that is not one. */
export function quantityErrorOf(product: Pick<Product, 'soldBy'>): string {
  return soldByOf(product) === 'weight' ? 'selling.qtyWeight' : 'stock.errors.qtyInvalid';
}
