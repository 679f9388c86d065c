import { VARIANT_PHOTO_MAX_BYTES, VARIANT_PHOTO_MAX_PX } from '../../../../shared/training/lesson-variants';

/** JPEG qualities tried in turn until the photo fits VARIANT_PHOTO_MAX_BYTES. */
const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45];

function canvasBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/**
 * A photo from the camera as a small JPEG: at most VARIANT_PHOTO_MAX_PX on
 * its longer side and VARIANT_PHOTO_MAX_BYTES in all (quality, then size,
 * stepped down until it fits). A camera's 12-megapixel photo would be too
 * big to sync over a village link and to keep on every tablet.
 */
export async function downscalePhoto(file: Blob): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(file);
  try {
    let longest = Math.min(VARIANT_PHOTO_MAX_PX, Math.max(bitmap.width, bitmap.height));
    for (;;) {
      const scale = longest / Math.max(bitmap.width, bitmap.height);
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      for (const quality of QUALITIES) {
        const blob = await canvasBlob(canvas, quality);
        if (blob && blob.size <= VARIANT_PHOTO_MAX_BYTES) return new Uint8Array(await blob.arrayBuffer());
      }
      if (longest < 200) throw new Error('the photo does not fit');
      longest = Math.round(longest * 0.75);
    }
  } finally {
    bitmap.close();
  }
}
