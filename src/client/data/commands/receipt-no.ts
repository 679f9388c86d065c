import type { CunzhanDb } from '../db';
import { getMeta, setMeta } from '../meta';

/**
 * Receipt numbers are short and device-local, e.g. `B-0042`: a prefix naming
 * the tablet and this device's counter. The prefix comes from the device
 * number the server gave at enrolment, unique within the centre, so two
 * tablets of one centre never print the same receipt number.
 */

/** 1 → A, 26 → Z, 27 → AA, 52 → AZ, 53 → BA, … (bijective base 26: no zero digit). */
export function deviceLetters(deviceNo: number): string {
  if (!Number.isSafeInteger(deviceNo) || deviceNo < 1) throw new RangeError(`device number must be a positive integer: ${deviceNo}`);
  let letters = '';
  for (let n = deviceNo; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Tablets enrolled before device numbers existed keep the prefix they always
 * had: a letter and a digit from the device id, e.g. `A3`. The digit keeps it
 * apart from every numbered prefix, which is letters only.
 */
function derivedPrefix(deviceId: string): string {
  const n = parseInt(deviceId.replace(/-/g, '').slice(-6), 16) || 0;
  return `${String.fromCharCode(65 + (n % 26))}${Math.floor(n / 26) % 10}`;
}

export function receiptPrefix(deviceId: string, deviceNo?: number): string {
  return deviceNo === undefined ? derivedPrefix(deviceId) : deviceLetters(deviceNo);
}

export function formatReceiptNo(prefix: string, counter: number): string {
  return `${prefix}-${String(counter).padStart(4, '0')}`;
}

/**
 * The next receipt number of this tablet, for a sale, a repayment or a
 * refund alike: taken inside the command's transaction, so two quick ones
 * never share a number.
 */
export async function nextReceiptNo(database: CunzhanDb, deviceId: string): Promise<string> {
  const [last, device] = await Promise.all([getMeta(database, 'receiptCounter'), getMeta(database, 'device')]);
  const counter = (last ?? 0) + 1;
  await setMeta(database, 'receiptCounter', counter);
  const deviceNo = device?.deviceId === deviceId ? device.deviceNo : undefined;
  return formatReceiptNo(receiptPrefix(deviceId, deviceNo), counter);
}
