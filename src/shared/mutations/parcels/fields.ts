import * as v from 'valibot';
import { normaliseTrackingNo, pickupCodeId, TRACKING_NO_PATTERN } from '../../domain/deterministic-id';
import type { Order } from '../../domain/orders';
import type { Parcel } from '../../domain/parcels';
import { PICKUP_CODE_PATTERN } from '../../domain/pickup-code';
import { RefusalCode } from '../../domain/refusals';
import { storableText } from '../fields';
import { refuse, type Decision, type MutationContext, type ReadState, type RowChange, type RowKey } from '../types';
import { followOrder, orderOfCentre } from '../orders/fields';
import type { OrderStatus } from '../../domain/order-status';

/** Stored upper case without spaces: a tracking number typed twice compares equal. */
export const trackingNo = v.pipe(
  storableText,
  v.maxLength(80),
  v.transform(normaliseTrackingNo),
  v.regex(TRACKING_NO_PATTERN, '6 to 40 letters, digits or dashes'),
);

export const pickupCode = v.pipe(v.string(), v.regex(PICKUP_CODE_PATTERN));

/** A parcel of this centre, or nothing. */
export function parcelOfCentre(state: ReadState, id: string, ctx: MutationContext): Parcel | undefined {
  const parcel = state.get('parcels', id);
  return parcel?.centreId === ctx.centreId ? parcel : undefined;
}

/** A parcel no longer waiting: handed over or returned, and when. */
export function notWaiting(parcel: Parcel): Decision {
  return refuse(RefusalCode.alreadyCollected, parcel.collectedAt ?? parcel.returnedAt ?? '');
}

/** The rows a parcel points to: its order, and its code's claim. */
export function parcelLinks(state: ReadState, parcelId: string): RowKey[] {
  const parcel = state.get('parcels', parcelId);
  if (!parcel) return [];
  const keys: RowKey[] = [{ table: 'pickupCodes', id: pickupCodeId(parcel.pickupCode) }];
  if (parcel.orderId) keys.push({ table: 'orders', id: parcel.orderId });
  return keys;
}

/**
 * What ends a parcel's wait: its code is released (reusable by a later
 * parcel) and its order moves to `orderTo` when its status allows.
 */
export function endWait(state: ReadState, parcel: Parcel, next: Parcel, orderTo: OrderStatus, ctx: MutationContext): RowChange[] {
  const changes: RowChange[] = [{ table: 'parcels', row: next }];
  const claim = state.get('pickupCodes', pickupCodeId(parcel.pickupCode));
  if (claim && claim.centreId === ctx.centreId && claim.parcelId === parcel.id && claim.active) {
    changes.push({ table: 'pickupCodes', row: { ...claim, active: false, updatedAt: ctx.now } });
  }
  const order = parcel.orderId ? followOrder(orderOfCentre(state, parcel.orderId, ctx), orderTo, ctx) : null;
  if (order) changes.push({ table: 'orders', row: order });
  return changes;
}

/** The order a parcel is matched with moves to arrived when it can (it was shipped). */
export function arrivedOrder(order: Order | undefined, ctx: MutationContext): RowChange[] {
  const moved = followOrder(order, 'arrived', ctx);
  return moved ? [{ table: 'orders', row: moved }] : [];
}
