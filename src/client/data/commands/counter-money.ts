import type { Refund, Repayment, Till } from '../../../shared/domain/counter';
import { uuidv7 } from '../../../shared/domain/ids';
import type { PaymentPart } from '../../../shared/domain/payments';
import type { CunzhanDb } from '../db';
import { nextReceiptNo } from './receipt-no';
import { runCommand, type CommandContext } from './run-command';

/** The changed row of `table` among a command's changes. */
function rowOf<T>(changes: { table: string; row: unknown }[], table: string): T {
  return changes.find((c) => c.table === table)!.row as T;
}

export interface RepaymentInput {
  customerId: string;
  amountFen: number;
  payments: PaymentPart[];
  /** Cash handed over for the cash part (0 without one). */
  tenderedFen: number;
}

/** A villager pays back what they owe; the repayment gets the tablet's next receipt number. */
export async function repayCredit(input: RepaymentInput, context?: CommandContext): Promise<Repayment> {
  const repaymentId = uuidv7();
  const changes = await runCommand(
    'credit.repay',
    async (database: CunzhanDb, ctx: CommandContext) => ({ repaymentId, receiptNo: await nextReceiptNo(database, ctx.deviceId), ...input }),
    context,
  );
  return rowOf<Repayment>(changes, 'repayments');
}

/** A refund of some of a sale's lines, back by the sale's own means. */
export async function refundSale(saleId: string, lines: { lineIndex: number; qty: number }[], reason: string, context?: CommandContext): Promise<Refund> {
  const refundId = uuidv7();
  const changes = await runCommand(
    'sale.refund',
    async (database: CunzhanDb, ctx: CommandContext) => ({ refundId, saleId, receiptNo: await nextReceiptNo(database, ctx.deviceId), lines, reason }),
    context,
  );
  return rowOf<Refund>(changes, 'refunds');
}

/** An admin voids a sale of today: everything not yet refunded comes back. */
export async function voidSale(saleId: string, reason: string, context?: CommandContext): Promise<Refund> {
  const refundId = uuidv7();
  const changes = await runCommand(
    'sale.void',
    async (database: CunzhanDb, ctx: CommandContext) => ({ refundId, saleId, receiptNo: await nextReceiptNo(database, ctx.deviceId), reason }),
    context,
  );
  return rowOf<Refund>(changes, 'refunds');
}

export interface CashUpInput {
  day: string;
  openingFloatFen: number;
  countedFen: number;
  note: string;
}

/** The signed-in person counts their till for a day. */
export async function cashUpTill(input: CashUpInput, context?: CommandContext): Promise<Till> {
  const changes = await runCommand('till.cashUp', () => ({ cashUpId: uuidv7(), ...input }), context);
  return rowOf<Till>(changes, 'tills');
}
