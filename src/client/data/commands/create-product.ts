import type { LocalizedName, Product } from '../../../shared/domain/entities';
import type { Fen } from '../../../shared/domain/money';
import { uuidv7 } from '../../../shared/domain/ids';
import { runCommand, type CommandContext } from './run-command';

export interface ProductInput {
  sku: string;
  barcode: string;
  names: LocalizedName;
  unit: string;
  priceFen: Fen;
  lowStockThreshold: number;
}

export async function createProduct(input: ProductInput, context?: CommandContext): Promise<Product> {
  const id = uuidv7();
  const changes = await runCommand('product.create', () => ({ id, ...input }), context);
  return changes[0]!.row as Product;
}
