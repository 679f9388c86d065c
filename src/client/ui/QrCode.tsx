import { useMemo } from 'react';
import { encode } from 'uqr';

/** The dark modules of `text`'s QR code, with a quiet border of 2: rows of booleans. */
export function qrModules(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 2 }).data;
}

/**
 * A QR code drawn as one SVG path, one square per dark module: no canvas,
 * no inline style or data URL, so the strict CSP holds. Black on white, so
 * it prints and scans the same.
 */
export function QrCode({ text, label, size = 192, class: className }: { text: string; label: string; size?: number; class?: string }) {
  const { path, modules } = useMemo(() => {
    const data = qrModules(text);
    let d = '';
    data.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
    return { path: d, modules: data.length };
  }, [text]);
  return (
    <svg class={className} role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${modules} ${modules}`} shape-rendering="crispEdges">
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
