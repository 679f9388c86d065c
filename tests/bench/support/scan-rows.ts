import { ms, verdict, type Row } from './results';
import type { ScanCase } from './scan-case';

/** The scanner's target (issue 9): a frame with a barcode to its line in the cart. */
export const SCAN_TARGETS = { scanToCartMs: 300 } as const;

/** In latest.json; null when the scan case was not measured (see cases.scan.error). */
export interface ScanFigures {
  /** Median of the runs, ZXing's WebAssembly reader, 4× CPU throttle. */
  scanToCartMs: number | null;
}

export function scanFigures(c: ScanCase | { error: string }): ScanFigures {
  return { scanToCartMs: 'error' in c ? null : c.p50Ms };
}

export function scanPass(f: ScanFigures): Record<string, boolean> {
  return { scanToCartMs: f.scanToCartMs !== null && f.scanToCartMs <= SCAN_TARGETS.scanToCartMs };
}

export function scanRows(c: ScanCase | { error: string }, pass: Record<string, boolean>): Row[] {
  const target = `≤ ${ms(SCAN_TARGETS.scanToCartMs)}`;
  if ('error' in c) return [['Barcode to cart line, 4× CPU throttle', 'not measured', c.error, '', target, 'FAIL']];
  return [
    [
      `Barcode to cart line, ${c.reader} WebAssembly reader, CDP ${c.throttle}× CPU throttle: median`,
      ms(c.p50Ms),
      `${c.runsMs.length} runs, max ${ms(c.maxMs)}; first open of the scanner ${ms(c.openMs)}`,
      '',
      target,
      verdict(pass.scanToCartMs ?? false),
    ],
  ];
}
