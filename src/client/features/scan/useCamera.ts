import { useEffect, useRef, useState } from 'react';

/** Why the camera gives no picture, each with its own message. */
export type CameraProblem = 'refused' | 'missing' | 'busy' | 'failed';

export type CameraState = 'starting' | 'live' | CameraProblem;

/** The back camera shown in `video` while mounted; stopped (the light goes off) on unmount. */
export function useCamera() {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    openBackCamera().then(
      async (opened) => {
        if (stopped) return stopStream(opened);
        stream = opened;
        const element = video.current;
        if (!element) return;
        element.srcObject = opened;
        try {
          await element.play();
          if (!stopped) setState('live');
        } catch (e) {
          // play() is interrupted when the sheet closes first; anything else is the camera's fault (and its light goes off).
          if (stopped) return;
          stopStream(opened);
          setState(cameraProblem(e));
        }
      },
      (e: unknown) => {
        if (!stopped) setState(cameraProblem(e));
      },
    );
    return () => {
      stopped = true;
      stopStream(stream);
    };
  }, []);

  return { video, state };
}

/** The browser's refusal, in the words a person can act on. */
function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'refused';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'missing';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

/**
 * The back camera when there is one (a tablet held over a wrapper), any
 * camera otherwise. No camera API at all (an old browser, a page not served
 * over HTTPS) counts as no camera.
 */
async function openBackCamera(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('No camera API', 'NotFoundError');
  return navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
  });
}

function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
