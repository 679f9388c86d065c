/**
 * The barcode symbologies each use reads. Fewer formats make each frame
 * quicker to decode, which matters on a slow tablet with the WebAssembly reader.
 */
export type ScanFormat = 'ean_13' | 'ean_8' | 'upc_a' | 'upc_e' | 'code_128' | 'code_39' | 'itf' | 'qr_code';

/** What sits on a product's wrapper: EAN/UPC, and a shop's own Code 128 labels. */
export const PRODUCT_FORMATS: readonly ScanFormat[] = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128'];
/** Carriers print tracking numbers as Code 128, some as Code 39 or ITF, and a QR code beside them. */
export const PARCEL_FORMATS: readonly ScanFormat[] = ['code_128', 'code_39', 'itf', 'qr_code'];
/** A villager's WeChat Pay or Alipay payment screen shows its code as Code 128 and as a QR code. */
export const PAYMENT_FORMATS: readonly ScanFormat[] = ['code_128', 'qr_code'];
