import * as v from 'valibot';
import type { Sale, SaleLine } from '../domain/entities';
import { RefusalCode } from '../domain/refusals';
import { productOfCentre } from './centre-product';
import { fen, localizedName, quantity, shortText, uuid } from './fields';
import { quickAcceptSaleCreate } from './sale-create-quick-check';
import { refuse, type MutationDef } from './types';

const line = v.strictObject({
  productId: uuid,
  names: localizedName,
  unit: shortText(20),
  unitPriceFen: fen,
  qty: quantity,
});

const schema = v.strictObject({
  saleId: uuid,
  receiptNo: shortText(24),
  lines: v.pipe(v.array(line), v.minLength(1), v.maxLength(200)),
  tenderedFen: fen,
});
export type SaleCreateArgs = v.InferOutput<typeof schema>;

/**
 * A counter sale. The tablet sends the prices it charged: the villager paid
 * them, so the server records them even if a price changed meanwhile. Stock
 * is never a reason to refuse: a sale made offline stands (S7).
 */
export const saleCreate: MutationDef<SaleCreateArgs> = {
  kind: 'sale.create',
  schema,
  accepts: quickAcceptSaleCreate,
  reads: (args) => [
    { table: 'sales', id: args.saleId },
    ...args.lines.map((l) => ({ table: 'products' as const, id: l.productId })),
  ],
  decide(args, state, ctx) {
    if (state.get('sales', args.saleId)) return refuse(RefusalCode.alreadyExists);
    for (const l of args.lines) {
      if (!productOfCentre(state, l.productId, ctx)) return refuse(RefusalCode.unknownProduct, l.productId);
    }
    const lines: SaleLine[] = args.lines.map((l) => ({ ...l, lineTotalFen: l.unitPriceFen * l.qty }));
    const totalFen = lines.reduce((sum, l) => sum + l.lineTotalFen, 0);
    if (args.tenderedFen < totalFen) return refuse(RefusalCode.insufficientTender);
    const sale: Sale = {
      id: args.saleId,
      centreId: ctx.centreId,
      receiptNo: args.receiptNo,
      lines,
      totalFen,
      tenderedFen: args.tenderedFen,
      changeFen: args.tenderedFen - totalFen,
      payment: 'cash',
      channel: 'counter',
      deviceId: ctx.deviceId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.staffId,
    };
    return { ok: true, changes: [{ table: 'sales', row: sale }] };
  },
};
