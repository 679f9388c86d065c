import { SERVER_DEVICE_ID } from '../../../shared/domain/ids';
import { deviceLetters } from '../../data/commands/receipt-no';

/**
 * How a tablet is named on the activity screen. The tablet knows its own
 * name and number; of the centre's other tablets it knows only what their
 * rows carry: a sale's receipt number starts with its tablet's letters
 * (`B-0042`), the same letters staff see printed on receipts.
 */
export type TabletName =
  | { kind: 'this'; name: string; letters?: string }
  | { kind: 'letters'; letters: string }
  | { kind: 'server' }
  | { kind: 'unknown'; short: string };

export interface OwnTablet {
  deviceId: string;
  deviceNo?: number | undefined;
  name: string;
}

/** The receipt prefix before the counter: `B` of `B-0042`, `A3` of `A3-0007`. */
export function receiptLetters(receiptNo: string): string | null {
  const at = receiptNo.lastIndexOf('-');
  return at > 0 ? receiptNo.slice(0, at) : null;
}

export function tabletNames(
  sales: readonly { deviceId: string; receiptNo: string }[],
  own: OwnTablet | null | undefined,
): Map<string, TabletName> {
  const names = new Map<string, TabletName>();
  for (const sale of sales) {
    if (names.has(sale.deviceId)) continue;
    const letters = receiptLetters(sale.receiptNo);
    if (letters) names.set(sale.deviceId, { kind: 'letters', letters });
  }
  if (own) {
    const letters = own.deviceNo === undefined ? undefined : deviceLetters(own.deviceNo);
    names.set(own.deviceId, letters === undefined ? { kind: 'this', name: own.name } : { kind: 'this', name: own.name, letters });
  }
  return names;
}

/** A tablet's name; `receiptNo`, of a sale made on it, names a tablet not otherwise known. */
export function tabletNameOf(names: ReadonlyMap<string, TabletName>, deviceId: string, receiptNo?: string): TabletName {
  const known = names.get(deviceId);
  if (known) return known;
  if (deviceId === SERVER_DEVICE_ID) return { kind: 'server' };
  const letters = receiptNo === undefined ? null : receiptLetters(receiptNo);
  return letters ? { kind: 'letters', letters } : { kind: 'unknown', short: deviceId.replace(/-/g, '').slice(-4) };
}
