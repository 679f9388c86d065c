import * as v from 'valibot';
import { ORDER_STATUSES, resolveTransition } from '../../domain/order-status';
import { RefusalCode } from '../../domain/refusals';
import { uuid } from '../fields';
import { refuse, type MutationDef } from '../types';
import { movedOrder, orderOfCentre } from './fields';

const status = v.picklist(ORDER_STATUSES);
const schema = v.strictObject({ orderId: uuid, from: status, to: status });
export type OrderTransitionArgs = v.InferOutput<typeof schema>;

/** A status move as the tablet saw it (`from`): resolveTransition decides it against the order as it is now. */
export const orderTransition: MutationDef<OrderTransitionArgs> = {
  kind: 'order.transition',
  schema,
  reads: (args) => [{ table: 'orders', id: args.orderId }],
  decide(args, state, ctx) {
    const order = orderOfCentre(state, args.orderId, ctx);
    if (!order) return refuse(RefusalCode.unknownOrder);
    const outcome = resolveTransition(order.status, args.from, args.to);
    if (!outcome.ok) return refuse(outcome.code, order.status);
    return { ok: true, changes: [{ table: 'orders', row: movedOrder(order, args.from, args.to, ctx) }] };
  },
};
