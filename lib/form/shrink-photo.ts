import { EVIDENCE_PHOTO, evidencePixelSize, type EvidenceKind } from '@/lib/appeal/evidence-rules';
import { declaredPixels, IMAGE_HEADER_BYTES } from '@/lib/form/image-header';

/** The canvas quality that gives libjpeg's quality 80, the server's (browsers scale 0–1 to 0–100). */
const SHRINK_JPEG_QUALITY = EVIDENCE_PHOTO.quality / 100;
/** A JPEG already within the evidence size and this small is sent untouched (nothing lost at all). */
const SMALL_ENOUGH_BYTES = 600 * 1024;

export type ShrinkOutcome =
  | { kind: 'shrunk'; blob: Blob; width: number; height: number }
  /** Send the original: a PDF, a HEIC, or a photo that would not get smaller. */
  | { kind: 'as-is' }
  /** A JPEG, PNG or WebP the browser could not decode: damaged or cut short (the server refuses it too). */
  | { kind: 'unreadable' };

/**
 * A photo larger than this may fail to decode for want of memory rather than for damage: its
 * bitmap takes 4 bytes a pixel (96 MB here, 800 MB for a 200 MP Redmi photo), which a phone's
 * browser may not grant. Such a photo goes to the server as it is, which shrinks a JPEG on load
 * and says itself whether the file is damaged; a smaller one that fails is damaged, said at once.
 */
const MEMORY_MAY_FAIL_PIXELS = 24_000_000;

/**
 * Kinds every current browser decodes: a decoding failure means the file is broken. AVIF may be
 * too new for an older browser and HEIC only Safari decodes, so where they fail they go to the
 * server as they are.
 */
const ALWAYS_DECODABLE: readonly EvidenceKind[] = ['jpeg', 'png', 'webp'];

/**
 * Prepares a photo in the browser exactly to the evidence spec (upright, sized by
 * evidencePixelSize, baseline JPEG at quality 80, no metadata: a canvas keeps none), so the upload is short
 * on a slow line and the server can embed the bytes as they are: one lossy step, not two. The
 * server trusts none of it and re-encodes whatever does not meet the spec. Sent as they are: PDFs,
 * HEIC and AVIF the browser cannot decode (HEIC everywhere but Safari), and JPEGs already
 * small in pixels and bytes. Decoding is also the browser's check that the photo is whole: a JPEG
 * cut short by a bad copy is refused at once instead of after the whole upload; one too large for
 * the phone's memory to decode (MEMORY_MAY_FAIL_PIXELS) goes as it is, for the server to judge.
 */
export async function shrinkPhoto(file: File, kind: EvidenceKind): Promise<ShrinkOutcome> {
  // HEIC is tried too: Safari, on the iPhone that photographs the box, decodes it, and its 48 MP
  // "HEIF Max" photos are over the server's HEIC limit (25 MP, decoded whole in WebAssembly).
  if (kind === 'pdf') return { kind: 'as-is' };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    if (!ALWAYS_DECODABLE.includes(kind)) return { kind: 'as-is' };
    return (await headerPixels(file)) > MEMORY_MAY_FAIL_PIXELS ? { kind: 'as-is' } : { kind: 'unreadable' };
  }
  try {
    const { width, height } = evidencePixelSize(bitmap.width, bitmap.height);
    const fits = width === bitmap.width && height === bitmap.height;
    if (kind === 'jpeg' && fits && file.size <= SMALL_ENOUGH_BYTES) return { kind: 'as-is' };
    const blob = await drawAsJpeg(bitmap, width, height);
    if (!blob) return { kind: 'as-is' };
    return { kind: 'shrunk', blob, width, height };
  } finally {
    bitmap.close();
  }
}

/** The pixels the file's header declares, 0 when it cannot be read. */
async function headerPixels(file: Blob): Promise<number> {
  try {
    return declaredPixels(new Uint8Array(await file.slice(0, IMAGE_HEADER_BYTES).arrayBuffer())) ?? 0;
  } catch {
    return 0;
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
