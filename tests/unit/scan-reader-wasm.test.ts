import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ZXING_WASM_SHA256 } from 'barcode-detector/ponyfill';
import { barcodeVariants } from '../../src/client/features/scan/find-product';

describe('the barcode reader', () => {
  // vite.config.ts aliases the WebAssembly the app serves to barcode-detector's own zxing-wasm.
  // Another zxing-wasm installed beside it (a test tool) must not take its place: a reader whose
  // JavaScript and WebAssembly differ fails on the tablet, offline, at the counter.
  it('serves the WebAssembly its JavaScript was built with', () => {
    const fromDetector = createRequire(createRequire(import.meta.url).resolve('barcode-detector'));
    const wasm = readFileSync(fromDetector.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    expect(createHash('sha256').update(wasm).digest('hex')).toBe(ZXING_WASM_SHA256);
  });

  it('finds a product stored as EAN-13 when its UPC-A is read, and the other way round', () => {
    expect(barcodeVariants(' 036000291452 ')).toEqual(['036000291452', '0036000291452']);
    expect(barcodeVariants('0036000291452')).toEqual(['0036000291452', '036000291452']);
    expect(barcodeVariants('6920001001018')).toEqual(['6920001001018']);
    expect(barcodeVariants('SF1400123456789')).toEqual(['SF1400123456789']);
  });
});
