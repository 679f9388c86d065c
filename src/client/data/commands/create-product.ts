import type { Product } from '../../../shared/domain/entities';
import { uuidv7 } from '../../../shared/domain/ids';
import type { ProductCreateArgs } from '../../../shared/mutations/product-create';
import { runCommand, type CommandContext } from './run-command';

/** What staff enter for a new product: the mutation's args but its id. */
export type ProductInput = Omit<ProductCreateArgs, 'id'>;

export async function createProduct(input: ProductInput, context?: CommandContext): Promise<Product> {
  const id = uuidv7();
  const changes = await runCommand('product.create', () => ({ id, ...input }), context);
  return changes[0]!.row as Product;
}
