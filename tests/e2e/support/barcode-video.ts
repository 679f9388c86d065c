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

export interface VideoOptions {
  width?: number;
  height?: number;
  /** Pixels per module: 4 gives a barcode 380 px wide. */
  module?: number;
  frames?: number;
}

/** One I420 frame: the luma plane (white, the bars black), then both chroma planes neutral. */
function frame(code: string, width: number, height: number, module: number): Buffer {
  const modules = ean13Modules(code);
  const luma = Buffer.alloc(width * height, 255);
  const barsWidth = modules.length * module;
  const left = Math.floor((width - barsWidth) / 2);
  const top = Math.floor(height * 0.3);
  const bottom = Math.floor(height * 0.7);
  for (let y = top; y < bottom; y++) {
    for (let m = 0; m < modules.length; m++) {
      if (modules[m] === '1') luma.fill(0, y * width + left + m * module, y * width + left + (m + 1) * module);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  return Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
}

/** A Y4M video of `code` (13 digits) in a temporary folder; returns its path. */
export function writeBarcodeVideo(code: string, options: VideoOptions = {}): string {
  const { width = 640, height = 480, module = 4, frames = 4 } = options;
  if (left(width, module) < 11 * module) throw new Error('the frame is too narrow for the barcode and its quiet zones');
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const one = frame(code, width, height, module);
  const path = join(mkdtempSync(join(tmpdir(), 'cunzhan-camera-')), `ean13-${code}.y4m`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => one)]));
  return path;
}

function left(width: number, module: number): number {
  return Math.floor((width - 95 * module) / 2);
}

/** Chromium switches for a camera that films `videoPath`, allowed without asking. */
export function fakeCameraArgs(videoPath: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${videoPath}`];
}
