import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

/**
 * What a printed receipt holds, read back from the PDF Chromium printed:
 * its text (poppler's pdftotext) and the QR codes on its pages, rendered at
 * 200 dpi (pdftoppm) and decoded with ZXing. The tools come from
 * tests/support/ensure-pdf-tools.mjs; the decoder's wasm from node_modules.
 */

const run = promisify(execFile);

let prepared: Promise<unknown> | undefined;

/** The reader's wasm as installed, never fetched: the tests run offline. */
function prepareReader(): Promise<unknown> {
  prepared ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const wasm = await readFile(wasmPath);
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  return prepared;
}

export async function readReceiptPdf(pdf: Buffer): Promise<{ text: string; qrTexts: string[] }> {
  await prepareReader();
  const dir = await mkdtemp(join(tmpdir(), 'cunzhan-receipt-'));
  try {
    const file = join(dir, 'receipt.pdf');
    await writeFile(file, pdf);
    const { stdout: text } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 16 * 1024 * 1024 });
    await run('pdftoppm', ['-png', '-r', '200', file, join(dir, 'page')]);
    const pages = (await readdir(dir)).filter((name) => name.startsWith('page') && name.endsWith('.png')).sort();
    const qrTexts: string[] = [];
    for (const page of pages) {
      const png = await readFile(join(dir, page));
      const found = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 8 });
      for (const code of found) if (code.isValid) qrTexts.push(code.text);
    }
    return { text, qrTexts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
