import { useEffect, useRef, useState, type RefObject } from 'react';
import { openCodeReader, type CodeReader } from './code-reader';
import type { ScanFormat } from './scan-purpose';

export type ReaderState = 'loading' | 'ready' | 'failed';

type FrameVideo = HTMLVideoElement & { requestVideoFrameCallback?(callback: () => void): number };

/**
 * Reads codes from the video's frames while `active`: each new frame is
 * cropped to the guide and read, one at a time (a slow tablet skips the
 * frames it cannot keep up with). A code is reported once while it stays in
 * view; `onCode` settles before the next frame is read. `formats` is one
 * of PURPOSE_FORMATS' lists: the same array from render to render.
 */
export function useFrameCodes(
  video: RefObject<HTMLVideoElement | null>,
  active: boolean,
  formats: readonly ScanFormat[],
  onCode: (code: string) => Promise<void> | void,
): ReaderState {
  const [state, setState] = useState<ReaderState>('loading');
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let reader: CodeReader | null = null;
    let last = '';
    const canvas = document.createElement('canvas');

    const next = () => {
      if (stopped) return;
      const element = video.current as FrameVideo | null;
      if (element?.requestVideoFrameCallback) element.requestVideoFrameCallback(() => void readFrame());
      else requestAnimationFrame(() => void readFrame());
    };

    const readFrame = async () => {
      const element = video.current;
      if (stopped || !reader) return;
      try {
        const image = element && element.readyState >= 2 ? grabGuideRegion(element, canvas) : null;
        const codes = image ? await reader.read(image) : [];
        const code = codes.find((c) => c.trim() !== '')?.trim();
        if (code && code !== last && !stopped) {
          last = code;
          await onCodeRef.current(code);
        }
      } catch {
        // One unreadable frame (the camera switching, a resize) is skipped.
      }
      next();
    };

    setState('loading');
    openCodeReader(formats).then(
      (opened) => {
        if (stopped) return;
        reader = opened;
        setState('ready');
        next();
      },
      () => {
        if (!stopped) setState('failed');
      },
    );
    return () => {
      stopped = true;
    };
  }, [active, formats, video]);

  return state;
}

/** Widest frame handed to the reader: a bigger one costs decode time and reads no better. */
const MAX_WIDTH = 960;

/**
 * The part of the video inside the frame guide (the middle, most of the
 * width, the central 60% of the height), scaled down when the camera is
 * large. Cropping keeps stray codes at the edges out and the decode quick.
 */
function grabGuideRegion(video: HTMLVideoElement, canvas: HTMLCanvasElement): ImageData | null {
  const { videoWidth: w, videoHeight: h } = video;
  if (w === 0 || h === 0) return null;
  const sx = Math.round(w * 0.05);
  const sy = Math.round(h * 0.2);
  const sw = w - 2 * sx;
  const sh = h - 2 * sy;
  const scale = Math.min(1, MAX_WIDTH / sw);
  const dw = Math.round(sw * scale);
  const dh = Math.round(sh * scale);
  if (canvas.width !== dw) canvas.width = dw;
  if (canvas.height !== dh) canvas.height = dh;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, sx, sy, sw, sh, 0, 0, dw, dh);
  return context.getImageData(0, 0, dw, dh);
}
