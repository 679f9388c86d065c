import { normaliseTrackingNo, parcelIdFor } from '../../../shared/domain/deterministic-id';
import type { Parcel } from '../../../shared/domain/parcels';
import type { CunzhanDb } from '../db';
import { getRow } from '../closed-history';
import { runCommand, type CommandContext } from './run-command';
import { proposePickupCode } from './pickup-code';

export interface ParcelLogInput {
  /** As typed or scanned: normalised here. */
  trackingNo: string;
  carrier: string;
  customerId: string | null;
  orderId: string | null;
}

/** The parcel already logged under this tracking number on this tablet, if any: two logs make one parcel id. */
export async function parcelWithTrackingNo(database: CunzhanDb, typed: string): Promise<Parcel | undefined> {
  const trackingNo = normaliseTrackingNo(typed.normalize('NFKC'));
  if (trackingNo === '') return undefined;
  return getRow(database, 'parcels', parcelIdFor(trackingNo));
}

/**
 * Logs a parcel that arrived from the county: its id follows from the
 * tracking number, and the tablet proposes a pickup code no waiting parcel
 * it knows uses (the decide may claim another; the saved row says which).
 */
export async function logParcel(input: ParcelLogInput, context?: CommandContext): Promise<Parcel> {
  const trackingNo = normaliseTrackingNo(input.trackingNo.normalize('NFKC'));
  const parcelId = parcelIdFor(trackingNo);
  const changes = await runCommand(
    'parcel.log',
    async (database) => ({
      parcelId,
      trackingNo,
      carrier: input.carrier.trim(),
      customerId: input.customerId,
      orderId: input.orderId,
      pickupCode: await proposePickupCode(database),
    }),
    context,
  );
  const written = changes.find((c) => c.table === 'parcels' && c.row.id === parcelId);
  return written!.row as Parcel;
}
