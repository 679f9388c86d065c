import type { Product } from '../../../shared/domain/entities';
import { db as defaultDb, type CunzhanDb } from '../../data/db';

/**
 * The ways one printed code may be stored: as read, and a UPC-A (12 digits)
 * as the EAN-13 it also is (a leading 0), or the other way round.
 */
export function barcodeVariants(code: string): string[] {
  const read = code.trim();
  const variants = [read];
  if (/^\d{12}$/.test(read)) variants.push(`0${read}`);
  if (/^0\d{12}$/.test(read)) variants.push(read.slice(1));
  return variants;
}

/** The product whose barcode is `code`; an active one before one no longer sold. */
export async function findProductByBarcode(code: string, database: CunzhanDb = defaultDb): Promise<Product | null> {
  const variants = barcodeVariants(code).filter((v) => v !== '');
  if (variants.length === 0) return null;
  const found = await database.products.where('barcode').anyOf(variants).toArray();
  return found.find((p) => p.active) ?? found[0] ?? null;
}
