import 'server-only';

import decodeHeicImages from 'heic-decode';

import { MAX_IMAGE_PIXELS } from '@/lib/appeal/evidence-rules';

export type RawImage = { width: number; height: number; data: Uint8ClampedArray };

export class HeicTooLargeError extends Error {}

/**
 * HEIC (the iPhone default) through libheif compiled to WebAssembly: sharp's prebuilt binaries
 * cannot read it. The size is read from the container before any pixel is decoded, so an absurd
 * image is refused without allocating its pixels. Returns RGBA pixels of the primary image.
 */
export async function decodeHeic(bytes: Uint8Array): Promise<RawImage> {
  const images = await decodeHeicImages.all({ buffer: bytes });
  try {
    const primary = images[0];
    if (!primary) throw new Error('HEIF image not found');
    if (primary.width * primary.height > MAX_IMAGE_PIXELS) throw new HeicTooLargeError('too many pixels');
    return await primary.decode();
  } finally {
    images.dispose();
  }
}
