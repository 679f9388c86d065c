import { useEffect, useRef, useState } from 'react';
import { cameraProblem, openBackCamera, stopStream, type CameraProblem } from './camera';

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
          // play() is interrupted when the sheet closes first; anything else is the camera's fault.
          if (!stopped) setState(cameraProblem(e));
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
