import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A camera that films a barcode, for Chromium's fake capture device
 * (`--use-file-for-fake-video-capture`): a Y4M file written here, with no
 * external tool. Each frame is white with an EAN-13 drawn in the middle,
 * wide quiet zones either side, as a label held up to the tablet.
 */

const L_CODES = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const R_CODES = L_CODES.map((code) => [...code].map((bit) => (bit === '1' ? '0' : '1')).join(''));
const G_CODES = R_CODES.map((code) => [...code].reverse().join(''));
/** Which of the left six digits use the G table, by the first digit (which has no bars of its own). */
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

/** The 13 digits of an EAN-13 whose first 12 are `digits12`. */
export function ean13(digits12: string): string {
  if (!/^\d{12}$/.test(digits12)) throw new Error(`an EAN-13 needs 12 digits before its check digit: ${digits12}`);
  const sum = [...digits12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${digits12}${(10 - (sum % 10)) % 10}`;
}

/** The 95 modules of an EAN-13, '1' a bar and '0' a space. */
export function ean13Modules(code: string): string {
  if (!/^\d{13}$/.test(code) || ean13(code.slice(0, 12)) !== code) throw new Error(`not a valid EAN-13: ${code}`);
  const digits = [...code].map(Number);
  const parity = PARITY[digits[0]!]!;
  const left = digits.slice(1, 7).map((d, i) => (parity[i] === 'G' ? G_CODES[d] : L_CODES[d])).join('');
  const right = digits.slice(7).map((d) => R_CODES[d]).join('');
  return `101${left}01010${right}101`;
}

/** The fake camera's picture: 640×480, 4 px per module (a barcode 380 px wide, wide quiet zones), 10 frames a second. */
const WIDTH = 640;
const HEIGHT = 480;
const MODULE = 4;
const FRAMES = 4;

/** One I420 frame: the luma plane (white, the bars black), then both chroma planes neutral. */
function frame(code: string): Buffer {
  const modules = ean13Modules(code);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255);
  const left = Math.floor((WIDTH - modules.length * MODULE) / 2);
  const top = Math.floor(HEIGHT * 0.3);
  const bottom = Math.floor(HEIGHT * 0.7);
  for (let y = top; y < bottom; y++) {
    for (let m = 0; m < modules.length; m++) {
      if (modules[m] === '1') luma.fill(0, y * WIDTH + left + m * MODULE, y * WIDTH + left + (m + 1) * MODULE);
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  return Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
}

/** A Y4M video of `code` (13 digits) in a temporary folder; returns its path. */
export function writeBarcodeVideo(code: string): string {
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const one = frame(code);
  const path = join(mkdtempSync(join(tmpdir(), 'cunzhan-camera-')), `ean13-${code}.y4m`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: FRAMES }, () => one)]));
  return path;
}

/** Chromium switches for a camera that films `videoPath`, allowed without asking. */
export function fakeCameraArgs(videoPath: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${videoPath}`];
}
