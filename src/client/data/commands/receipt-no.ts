/**
 * Receipt numbers are short and device-local, e.g. `A3-0042`: a two-character
 * prefix derived from the device id (so two tablets rarely print the same
 * number) and this device's counter.
 */
export function receiptPrefix(deviceId: string): string {
  const n = parseInt(deviceId.replace(/-/g, '').slice(-6), 16) || 0;
  return `${String.fromCharCode(65 + (n % 26))}${Math.floor(n / 26) % 10}`;
}

export function formatReceiptNo(deviceId: string, counter: number): string {
  return `${receiptPrefix(deviceId)}-${String(counter).padStart(4, '0')}`;
}
