/** What a scan is for: it picks the formats read and the words shown. */
export type ScanPurpose = 'product' | 'parcel' | 'payment';

/** The barcode symbologies read, named as BarcodeDetector names them. */
export type ScanFormat = 'ean_13' | 'ean_8' | 'upc_a' | 'upc_e' | 'code_128' | 'code_39' | 'itf' | 'qr_code';

/**
 * The symbologies each purpose reads. Fewer formats make each frame quicker
 * to decode, which matters on a slow tablet with the WebAssembly reader.
 */
export const PURPOSE_FORMATS: Readonly<Record<ScanPurpose, readonly ScanFormat[]>> = {
  /** What sits on a product's wrapper: EAN/UPC, and a shop's own Code 128 labels. */
  product: ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128'],
  /** Carriers print tracking numbers as Code 128, some as Code 39 or ITF, and a QR code beside them. */
  parcel: ['code_128', 'code_39', 'itf', 'qr_code'],
  /** A villager's WeChat Pay or Alipay payment screen shows its code as Code 128 and as a QR code. */
  payment: ['code_128', 'qr_code'],
};

/** What scanning accepts: null when the code was taken, else the message to show while scanning goes on. */
export type ScanOutcome = string | null;
export type ScanHandler = (code: string) => ScanOutcome | Promise<ScanOutcome>;
