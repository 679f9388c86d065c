import type { Discount } from '../../../shared/domain/discounts';
import type { Sale } from '../../../shared/domain/entities';
import { uuidv7 } from '../../../shared/domain/ids';
import { unitNamesOf } from '../../../shared/domain/units';
import { partOf, type PaymentPart } from '../../../shared/domain/payments';
import { checkPin } from '../../auth/check-pin';
import type { CunzhanDb } from '../db';
import { AppError, AppErrorCode, CREDIT_OVER_LIMIT } from '../errors';
import { creditLedger } from '../queries/credit';
import { runCommand, type CommandContext } from './run-command';
import { nextReceiptNo } from './receipt-no';

export interface SaleInput {
  lines: { productId: string; qty: number; discount?: Discount | undefined }[];
  /** Cash handed over for the cash part. */
  tenderedFen: number;
  /** How it is paid; absent: all in cash. */
  payments?: PaymentPart[] | undefined;
  /** The villager, required for a credit part. */
  customerId?: string | undefined;
  /** The sale's own discount, after the lines'. */
  discount?: Discount | undefined;
  /** The admin whose PIN allowed a credit part past the centre's limit (approveOverLimit). */
  creditApprovedBy?: string | undefined;
}

/**
 * An admin of the centre types their PIN, on this tablet, to let a credit
 * part take a villager past the centre's limit; throws wrong_pin (counted
 * towards their lockout) or not_admin. Returns who allowed it.
 */
export async function approveOverLimit(adminId: string, pin: string, database?: CunzhanDb): Promise<string> {
  const { staff } = await checkPin(adminId, pin, database);
  if (staff.role !== 'admin') throw new AppError(AppErrorCode.notAdmin);
  return staff.id;
}

/** Whether `staffId` is an active admin of this tablet's centre. */
async function isAdmin(database: CunzhanDb, staffId: string | undefined): Promise<boolean> {
  if (!staffId) return false;
  const staff = await database.staff.get(staffId);
  return staff?.active === true && staff.role === 'admin';
}

/**
 * Takes name, unit and price snapshots from the local products, and the next
 * receipt number from this device's number and counter, inside the command's
 * transaction so two quick sales never share a number. A credit part that
 * takes the villager past the centre's limit, as this tablet knows it, needs
 * an admin's approval, asked for on the spot; the signed-in admin is their own.
 */
export async function completeSale(input: SaleInput, context?: CommandContext): Promise<Sale> {
  const saleId = uuidv7();
  const buildArgs = async (database: CunzhanDb, ctx: CommandContext) => {
    // The number is taken at once with the products: a refusal below aborts the transaction, number and all.
    const [products, receiptNo] = await Promise.all([
      database.products.bulkGet(input.lines.map((l) => l.productId)),
      nextReceiptNo(database, ctx.deviceId),
    ]);
    const lines = input.lines.map((line, i) => {
      const product = products[i];
      if (!product) throw new AppError(AppErrorCode.invalidInput, { detail: 'unknown_product' });
      return {
        productId: line.productId,
        names: product.names,
        unit: product.unit,
        // The unit in every language as sold (older products: their Chinese unit's names).
        unitNames: unitNamesOf(product),
        unitPriceFen: product.priceFen,
        qty: line.qty,
        ...(line.discount ? { discount: line.discount } : {}),
      };
    });
    // Who let the credit part pass the limit, recorded on the sale so every tablet knows it was meant.
    let creditApprovedBy: string | undefined;
    const creditFen = partOf(input.payments ?? [], 'credit');
    if (creditFen > 0 && input.customerId !== undefined) {
      const ledger = await creditLedger(database, input.customerId);
      if (ledger.balanceFen + creditFen > ledger.limitFen) {
        if (await isAdmin(database, ctx.staffId)) creditApprovedBy = ctx.staffId;
        else if (await isAdmin(database, input.creditApprovedBy)) creditApprovedBy = input.creditApprovedBy;
        else throw new AppError(AppErrorCode.invalidInput, { detail: CREDIT_OVER_LIMIT });
      }
    }
    return {
      saleId,
      receiptNo,
      lines,
      tenderedFen: input.tenderedFen,
      ...(input.payments ? { payments: input.payments } : {}),
      ...(input.customerId ? { customerId: input.customerId } : {}),
      ...(input.discount ? { discount: input.discount } : {}),
      ...(creditApprovedBy ? { creditApprovedBy } : {}),
    };
  };
  const changes = await runCommand('sale.create', buildArgs, context);
  return changes[0]!.row as Sale;
}
