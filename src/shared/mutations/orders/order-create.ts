import * as v from 'valibot';
import { MAX_FEN } from '../../domain/money';
import { orderTotal, ORDER_LIMITS, type Order } from '../../domain/orders';
import { RefusalCode } from '../../domain/refusals';
import { fen, shortText, storableText, uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { customerIdForRef } from '../customers/fields';
import { historyEntry } from './fields';

const line = v.strictObject({
  name: v.pipe(storableText, v.trim(), v.minLength(1), v.maxLength(ORDER_LIMITS.lineName)),
  qty: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(ORDER_LIMITS.lineQtyMax)),
  unitPriceFen: fen,
});

const schema = v.pipe(
  v.strictObject({
    orderId: uuid,
    customerId: uuid,
    platformId: uuid,
    platformOrderNo: shortText(ORDER_LIMITS.platformOrderNo),
    lines: v.pipe(v.array(line), v.minLength(1), v.maxLength(ORDER_LIMITS.linesMax)),
    deliveryFeeFen: fen,
    serviceFeeFen: fen,
    depositFen: fen,
    totalFen: fen,
    status: v.picklist(['draft', 'placed']),
  }),
  v.check((args) => args.depositFen <= args.totalFen, 'the deposit is more than the total'),
);
export type OrderCreateArgs = v.InferOutput<typeof schema>;

/**
 * An assisted order. The total is the tablet's, checked against the lines
 * and fees (`bad_total`): a receipt never shows a sum that does not add up.
 * A merged villager's order is written for the survivor.
 */
export const orderCreate: MutationDef<OrderCreateArgs> = {
  kind: 'order.create',
  schema,
  reads: (args) => [
    { table: 'orders', id: args.orderId },
    { table: 'customers', id: args.customerId },
    { table: 'platforms', id: args.platformId },
  ],
  decide(args, state, ctx) {
    if (state.get('orders', args.orderId)) return refuse(RefusalCode.alreadyExists);
    const customerId = customerIdForRef(state, args.customerId, ctx);
    if (!customerId) return refuse(RefusalCode.unknownCustomer);
    if (state.get('platforms', args.platformId)?.centreId !== ctx.centreId) return refuse(RefusalCode.unknownPlatform);
    const total = orderTotal(args);
    if (total > MAX_FEN || total !== args.totalFen) return refuse(RefusalCode.badTotal, String(total));
    const { orderId, ...fields } = args;
    const order: Order = {
      id: orderId,
      centreId: ctx.centreId,
      ...fields,
      customerId,
      history: [historyEntry(args.status, ctx)],
      deviceId: ctx.deviceId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.staffId,
    };
    return { ok: true, changes: [{ table: 'orders', row: order }] };
  },
};
