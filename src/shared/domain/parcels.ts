import type { RowBase } from './entities';

export type ParcelStatus = 'waiting' | 'collected' | 'returned';
export type HandoverMethod = 'code' | 'phone_admin';

/** A parcel that arrived from the county, waiting to be collected against its pickup code. */
export interface Parcel extends RowBase {
  /** Upper case, no spaces (deterministic-id.ts): its id is parcelIdFor(trackingNo). */
  trackingNo: string;
  carrier: string;
  customerId: string | null;
  orderId: string | null;
  /** 6 digits, claimed in `pickupCodes` while the parcel waits. */
  pickupCode: string;
  status: ParcelStatus;
  arrivedAt: string;
  collectedAt: string | null;
  collectedBy: string | null;
  handoverMethod: HandoverMethod | null;
  returnedAt: string | null;
  deviceId: string;
}

/** The claim of a pickup code (id = pickupCodeId(code)): active while its parcel waits. */
export interface PickupCode extends RowBase {
  code: string;
  parcelId: string;
  active: boolean;
}
