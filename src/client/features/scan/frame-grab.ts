/** Widest frame handed to the reader: a bigger one costs decode time and reads no better. */
const MAX_WIDTH = 960;

/**
 * The part of the video inside the frame guide (the middle, most of the
 * width, the central 60% of the height), scaled down when the camera is
 * large. Cropping keeps stray codes at the edges out and the decode quick.
 */
export function grabGuideRegion(video: HTMLVideoElement, canvas: HTMLCanvasElement): ImageData | null {
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
