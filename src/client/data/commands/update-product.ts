import type { Product } from '../../../shared/domain/entities';
import type { ProductInput } from './create-product';
import { runCommand, type CommandContext } from './run-command';

export type ProductPatch = Partial<ProductInput> & { active?: boolean };

/** Sends only the fields that changed: the server merges them field by field. */
export async function updateProduct(id: string, patch: ProductPatch, context?: CommandContext): Promise<Product> {
  const sent = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const changes = await runCommand('product.update', () => ({ id, patch: sent }), context);
  return changes[0]!.row as Product;
}
