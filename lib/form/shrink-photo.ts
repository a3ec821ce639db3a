import type { EvidenceKind } from '@/lib/appeal/evidence-rules';

/**
 * Long edge a photo is shrunk to before upload: box labels and till receipts stay legible at this
 * size, and a 12 MP phone photo drops from about 2.3 MB to a few hundred KB.
 */
export const SHRINK_LONG_EDGE = 2200;
export const SHRINK_JPEG_QUALITY = 0.82;
/** Smaller photos are left alone unless they are too large in pixels. */
const SMALL_ENOUGH_BYTES = 600 * 1024;

export type ShrunkPhoto = { blob: Blob; name: string; width: number; height: number } | null;

/**
 * Shrinks a photo in the browser (orientation applied) so the upload is short on a slow line. The
 * server re-encodes every upload anyway, so this is only about bytes, not trust. Returns null when
 * the original should be sent as it is: PDFs, HEIC (most browsers cannot decode it), images the
 * browser cannot read (the server will explain), and images that would not get smaller.
 */
export async function shrinkPhoto(file: File, kind: EvidenceKind): Promise<ShrunkPhoto> {
  if (kind === 'pdf' || kind === 'heic') return null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  try {
    const longEdge = Math.max(bitmap.width, bitmap.height);
    if (longEdge <= SHRINK_LONG_EDGE && file.size <= SMALL_ENOUGH_BYTES) return null;
    const scale = Math.min(1, SHRINK_LONG_EDGE / longEdge);
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const blob = await drawAsJpeg(bitmap, width, height);
    if (!blob || blob.size >= file.size) return null;
    return { blob, name: jpegName(file.name), width, height };
  } finally {
    bitmap.close();
  }
}

async function drawAsJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    paint(ctx, bitmap, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: SHRINK_JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  paint(ctx, bitmap, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', SHRINK_JPEG_QUALITY));
}

function paint(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  bitmap: ImageBitmap,
  width: number,
  height: number,
) {
  // JPEG has no transparency: a transparent screenshot would otherwise turn black.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
}

function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, '') || 'photo';
  return `${base}.jpg`;
}
