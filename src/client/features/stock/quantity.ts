import { decimalsFor, parseQuantityText, soldByOf } from '../../../shared/domain/quantity';
import type { Product } from '../../../shared/domain/entities';

/** A whole, non-negative count typed by a person (full-width digits too); null when it is not one. */
export function parseQuantity(text: string): number | null {
  return parseQuantityText(text, 0);
}

/** A quantity of this product as typed: whole pieces, or a weight with up to three decimals. */
export function parseProductQuantity(text: string, product: Pick<Product, 'soldBy'>): number | null {
  return parseQuantityText(text, decimalsFor(soldByOf(product)));
}

/** The message under a quantity that is not one. */
export function quantityErrorOf(product: Pick<Product, 'soldBy'>): string {
  return soldByOf(product) === 'weight' ? 'selling.qtyWeight' : 'stock.errors.qtyInvalid';
}
