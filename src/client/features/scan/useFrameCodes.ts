import { useEffect, useRef, useState, type RefObject } from 'react';
import { openCodeReader, type CodeReader } from './code-reader';
import { grabGuideRegion } from './frame-grab';
import type { ScanFormat } from './scan-formats';

export type ReaderState = 'loading' | 'ready' | 'failed';

type FrameVideo = HTMLVideoElement & { requestVideoFrameCallback?(callback: () => void): number };

/**
 * Reads codes from the video's frames while `active`: each new frame is
 * cropped to the guide and read, one at a time (a slow tablet skips the
 * frames it cannot keep up with). A code is reported once while it stays in
 * view; `onCode` settles before the next frame is read.
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
  const formatsKey = formats.join(',');

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
    openCodeReader(formatsKey.split(',') as ScanFormat[]).then(
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
  }, [active, formatsKey, video]);

  return state;
}
