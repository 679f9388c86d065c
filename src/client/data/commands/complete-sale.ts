import type { Sale } from '../../../shared/domain/entities';
import { uuidv7 } from '../../../shared/domain/ids';
import type { CunzhanDb } from '../db';
import { AppError, AppErrorCode } from '../errors';
import { runCommand, type CommandContext } from './run-command';
import { nextReceiptNo } from './receipt-no';

export interface SaleInput {
  lines: { productId: string; qty: number }[];
  tenderedFen: number;
}

/**
 * Takes name, unit and price snapshots from the local products, and the next
 * receipt number from this device's number and counter, inside the command's
 * transaction so two quick sales never share a number.
 */
export async function completeSale(input: SaleInput, context?: CommandContext): Promise<Sale> {
  const saleId = uuidv7();
  const buildArgs = async (database: CunzhanDb, ctx: CommandContext) => {
    const products = await database.products.bulkGet(input.lines.map((l) => l.productId));
    const lines = input.lines.map((line, i) => {
      const product = products[i];
      if (!product) throw new AppError(AppErrorCode.invalidInput, { detail: 'unknown_product' });
      return { productId: line.productId, names: product.names, unit: product.unit, unitPriceFen: product.priceFen, qty: line.qty };
    });
    const receiptNo = await nextReceiptNo(database, ctx.deviceId);
    return { saleId, receiptNo, lines, tenderedFen: input.tenderedFen };
  };
  const changes = await runCommand('sale.create', buildArgs, context);
  return changes[0]!.row as Sale;
}
