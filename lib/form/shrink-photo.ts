import { EVIDENCE_PHOTO, type EvidenceKind } from '@/lib/appeal/evidence-rules';

/** The evidence spec's long edge: the server embeds a JPEG at this size as it is. */
export const SHRINK_LONG_EDGE = EVIDENCE_PHOTO.maxEdge;
/** The canvas quality that gives libjpeg's quality 80, the server's (browsers scale 0–1 to 0–100). */
export const SHRINK_JPEG_QUALITY = EVIDENCE_PHOTO.quality / 100;
/** A JPEG already within the long edge and this small is sent untouched (nothing lost at all). */
const SMALL_ENOUGH_BYTES = 600 * 1024;

export type ShrunkPhoto = { blob: Blob; name: string; width: number; height: number } | null;

/**
 * Prepares a photo in the browser exactly to the evidence spec (upright, long edge at most
 * 2000 px, baseline JPEG at quality 80, no metadata: a canvas keeps none), so the upload is short
 * on a slow line and the server can embed the bytes as they are: one lossy step, not two. The
 * server trusts none of it and re-encodes whatever does not meet the spec. Returns null when the
 * original should be sent as it is: PDFs, HEIC (most browsers cannot decode it), images the
 * browser cannot read (the server will explain), and JPEGs already small in pixels and bytes.
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
    if (kind === 'jpeg' && longEdge <= SHRINK_LONG_EDGE && file.size <= SMALL_ENOUGH_BYTES) return null;
    const scale = Math.min(1, SHRINK_LONG_EDGE / longEdge);
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const blob = await drawAsJpeg(bitmap, width, height);
    if (!blob) return null;
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
