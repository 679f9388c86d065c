import type { MovementReason, StockMovement } from '../domain/entities';
import { fitsSoldBy, soldByOf, WHOLE_PIECES } from '../domain/quantity';
import { RefusalCode } from '../domain/refusals';
import { productOfCentre } from './centre-product';
import { refuse, type Decision, type MutationContext, type ReadState, type RowKey } from './types';

/** One new stock movement of one product: what stock.receive and stock.adjust both write. */
export interface MovementInput {
  movementId: string;
  productId: string;
  delta: number;
  reason: MovementReason;
  note: string;
}

export function movementReads(input: Pick<MovementInput, 'movementId' | 'productId'>): RowKey[] {
  return [
    { table: 'products', id: input.productId },
    { table: 'movements', id: input.movementId },
  ];
}

/** Refuses a product not of this centre or a decimal of one sold by the piece, then a movement id already used; otherwise writes the movement. */
export function decideMovement(input: MovementInput, state: ReadState, ctx: MutationContext): Decision {
  const product = productOfCentre(state, input.productId, ctx);
  if (!product) return refuse(RefusalCode.unknownProduct);
  // Decimals only for what is weighed (see sale.create).
  if (!fitsSoldBy(input.delta, soldByOf(product))) return refuse(RefusalCode.invalidArgs, `qty: ${WHOLE_PIECES}`);
  if (state.get('movements', input.movementId)) return refuse(RefusalCode.alreadyExists);
  const movement: StockMovement = {
    id: input.movementId,
    centreId: ctx.centreId,
    productId: input.productId,
    delta: input.delta,
    reason: input.reason,
    note: input.note,
    deviceId: ctx.deviceId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.staffId,
  };
  return { ok: true, changes: [{ table: 'movements', row: movement }] };
}
