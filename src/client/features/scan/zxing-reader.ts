import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
// The reader's WebAssembly comes from the app's own build (and the service
// worker's precache), never from a CDN: the tablet is mostly offline. The
// alias (vite.config.ts) names the copy barcode-detector was built with.
import readerWasmUrl from 'barcode-detector-reader.wasm?url';
import type { CodeReader } from './code-reader';
import type { ScanFormat } from './scan-purpose';

// This module is imported only when scanning starts, so the first screen never
// pays for it. Creating a detector starts the fetch and compile at once, while
// the camera opens, so the first frame does not wait for them.
prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(readerWasmUrl, location.href).href : prefix + path),
  },
});

/**
 * ZXing's reader behind the BarcodeDetector interface, for browsers without a
 * native one; it resolves once the WebAssembly is compiled, so the first
 * frame with a code is read at full speed.
 */
export async function zxingReader(formats: readonly ScanFormat[]): Promise<CodeReader> {
  const detector = new BarcodeDetector({ formats: [...formats] });
  await detector.detect(new ImageData(1, 1));
  return {
    async read(image) {
      return (await detector.detect(image)).map((code) => code.rawValue);
    },
  };
}
