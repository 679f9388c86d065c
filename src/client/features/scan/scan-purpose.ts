import { PARCEL_FORMATS, PAYMENT_FORMATS, PRODUCT_FORMATS, type ScanFormat } from './scan-formats';

/** What a scan is for: it picks the formats read and the words shown. */
export type ScanPurpose = 'product' | 'parcel' | 'payment';

export const PURPOSE_FORMATS: Readonly<Record<ScanPurpose, readonly ScanFormat[]>> = {
  product: PRODUCT_FORMATS,
  parcel: PARCEL_FORMATS,
  payment: PAYMENT_FORMATS,
};

/** What scanning accepts: null when the code was taken, else the message to show while scanning goes on. */
export type ScanOutcome = string | null;
export type ScanHandler = (code: string) => ScanOutcome | Promise<ScanOutcome>;
