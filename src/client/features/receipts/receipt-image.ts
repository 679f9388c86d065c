import { qrModules } from '../../ui/QrCode';
import type { ReceiptWords } from './receipt-words';

/**
 * The receipt drawn onto a canvas by hand (no page-to-image library) as a
 * PNG: the same words as the printout, laid out for a 48 mm roll, twice the
 * pixels for a phone's screen. Right to left for Uyghur.
 */

const WIDTH = 384;
const PAD = 20;
const SCALE = 2;
const FONT_FAMILY = "system-ui, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Naskh Arabic', 'UKIJ Tuz', sans-serif";
const QR_SIZE = 150;

type Style = 'centre' | 'title' | 'text' | 'muted' | 'main';
const FONTS: Record<Style, string> = {
  centre: `700 20px ${FONT_FAMILY}`,
  title: `700 19px ${FONT_FAMILY}`,
  text: `400 16px ${FONT_FAMILY}`,
  muted: `400 14px ${FONT_FAMILY}`,
  main: `700 19px ${FONT_FAMILY}`,
};
const LINE_GAP = 6;

type Op =
  | { kind: 'text'; style: Style; text: string; align: 'start' | 'center' }
  | { kind: 'pair'; style: Style; start: string; end: string }
  | { kind: 'rule'; heavy?: boolean }
  | { kind: 'qr'; text: string }
  | { kind: 'space'; px: number };

function operations(w: ReceiptWords, numberLabel: string, qrText: string): Op[] {
  const ops: Op[] = [];
  const centred = (style: Style, text: string) => text && ops.push({ kind: 'text', style, text, align: 'center' });
  centred('centre', w.centreName);
  centred('muted', w.phone);
  ops.push({ kind: 'space', px: 6 });
  centred('title', w.title);
  if (w.number) centred('text', `${numberLabel}: ${w.number}`);
  centred('muted', w.at);
  centred('muted', w.staff);
  centred('muted', w.villager);
  for (const note of w.notes) centred('text', note);
  ops.push({ kind: 'rule' });
  for (const line of w.lines) {
    ops.push({ kind: 'pair', style: 'text', start: line.name, end: line.total });
    ops.push({ kind: 'text', style: 'muted', text: line.detail, align: 'start' });
    if (line.discount) ops.push({ kind: 'text', style: 'muted', text: line.discount, align: 'start' });
  }
  if (w.lines.length > 0) ops.push({ kind: 'rule' });
  for (const sum of w.sums) {
    if (sum.main) ops.push({ kind: 'rule', heavy: true });
    ops.push({ kind: 'pair', style: sum.main ? 'main' : 'text', start: sum.label, end: sum.amount });
  }
  if (w.payments.length > 0) {
    ops.push({ kind: 'rule' });
    ops.push({ kind: 'text', style: 'muted', text: w.paymentsHead, align: 'start' });
    for (const part of w.payments) {
      ops.push({ kind: 'pair', style: 'text', start: part.means, end: part.amount });
      if (part.reference) ops.push({ kind: 'text', style: 'muted', text: part.reference, align: 'start' });
    }
    for (const cash of w.cash) ops.push({ kind: 'pair', style: 'text', start: cash.label, end: cash.amount });
  }
  ops.push({ kind: 'space', px: 10 });
  ops.push({ kind: 'qr', text: qrText });
  ops.push({ kind: 'space', px: 6 });
  centred('muted', w.thanks);
  return ops;
}

/** Breaks `text` into lines no wider than `max`: at spaces, and anywhere in words too long (Chinese has no spaces). */
function wrap(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const token of text.split(/(\s+)/)) {
    if (ctx.measureText(current + token).width <= max) {
      current += token;
      continue;
    }
    if (current.trim()) lines.push(current.trim());
    current = '';
    for (const char of token.trim()) {
      if (ctx.measureText(current + char).width > max && current) {
        lines.push(current);
        current = '';
      }
      current += char;
    }
  }
  if (current.trim()) lines.push(current.trim());
  return lines.length > 0 ? lines : [''];
}

function lineHeight(style: Style): number {
  return Number(/(\d+)px/.exec(FONTS[style])![1]) + LINE_GAP;
}

/** Lays the operations out (measure) or draws them (paint); returns the height used. */
function layout(ctx: CanvasRenderingContext2D, ops: readonly Op[], rtl: boolean, paint: boolean): number {
  const inner = WIDTH - 2 * PAD;
  const startX = rtl ? WIDTH - PAD : PAD;
  const endX = rtl ? PAD : WIDTH - PAD;
  let y = PAD;
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#000';
  ctx.strokeStyle = '#000';
  for (const op of ops) {
    if (op.kind === 'space') {
      y += op.px;
    } else if (op.kind === 'rule') {
      if (paint) {
        ctx.lineWidth = op.heavy ? 2 : 1;
        ctx.setLineDash(op.heavy ? [] : [4, 3]);
        ctx.beginPath();
        ctx.moveTo(PAD, y + 4);
        ctx.lineTo(WIDTH - PAD, y + 4);
        ctx.stroke();
      }
      y += 10;
    } else if (op.kind === 'qr') {
      const modules = qrModules(op.text);
      const cell = Math.floor(QR_SIZE / modules.length);
      const size = cell * modules.length;
      const left = Math.round((WIDTH - size) / 2);
      if (paint) {
        ctx.fillStyle = '#fff';
        ctx.fillRect(left, y, size, size);
        ctx.fillStyle = '#000';
        modules.forEach((row, r) => row.forEach((dark, c) => dark && ctx.fillRect(left + c * cell, y + r * cell, cell, cell)));
      }
      y += size;
    } else if (op.kind === 'text') {
      ctx.font = FONTS[op.style];
      for (const line of wrap(ctx, op.text, inner)) {
        if (paint) {
          ctx.textAlign = op.align === 'center' ? 'center' : 'start';
          ctx.fillText(line, op.align === 'center' ? WIDTH / 2 : startX, y);
        }
        y += lineHeight(op.style);
      }
    } else {
      ctx.font = FONTS[op.style];
      const endWidth = ctx.measureText(op.end).width;
      const lines = wrap(ctx, op.start, inner - endWidth - 12);
      if (paint) {
        ctx.textAlign = 'end';
        ctx.fillText(op.end, endX, y);
        ctx.textAlign = 'start';
        lines.forEach((line, i) => ctx.fillText(line, startX, y + i * lineHeight(op.style)));
      }
      y += lines.length * lineHeight(op.style);
    }
  }
  return y + PAD;
}

/** The receipt as a PNG; null when this browser cannot draw one. */
export async function receiptPng(words: ReceiptWords, numberLabel: string, qrText: string, rtl: boolean): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.direction = rtl ? 'rtl' : 'ltr';
  const ops = operations(words, numberLabel, qrText);
  const height = layout(ctx, ops, rtl, false);
  canvas.width = WIDTH * SCALE;
  canvas.height = Math.ceil(height * SCALE);
  // Resizing the canvas resets its state.
  ctx.direction = rtl ? 'rtl' : 'ltr';
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, WIDTH, height);
  layout(ctx, ops, rtl, true);
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/png'));
}
