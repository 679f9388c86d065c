import type { ScanFormat } from './scan-purpose';

/** Reads the codes in one camera frame. */
export interface CodeReader {
  read(image: ImageData): Promise<string[]>;
}

interface NativeDetector {
  detect(image: ImageData): Promise<{ rawValue: string }[]>;
}

interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

/** The browser's BarcodeDetector, when it reads every format asked for (Android Chrome does; desktop Linux has none). */
async function nativeReader(formats: readonly ScanFormat[]): Promise<CodeReader | null> {
  if (!('BarcodeDetector' in window)) return null;
  const Native = (window as unknown as { BarcodeDetector: NativeDetectorClass }).BarcodeDetector;
  try {
    const supported = new Set(await Native.getSupportedFormats());
    if (!formats.every((f) => supported.has(f))) return null;
    const detector = new Native({ formats: [...formats] });
    return { read: async (image) => (await detector.detect(image)).map((code) => code.rawValue) };
  } catch {
    return null;
  }
}

/** The fastest reader this browser has for `formats`: its own, else ZXing's WebAssembly, loaded now. */
export async function openCodeReader(formats: readonly ScanFormat[]): Promise<CodeReader> {
  const native = await nativeReader(formats);
  if (native) return native;
  const { zxingReader } = await import('./zxing-reader');
  return zxingReader(formats);
}
