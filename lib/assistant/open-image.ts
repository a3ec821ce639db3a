import 'server-only';

import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata, type Sharp } from 'sharp';

import { MAX_FILE_BYTES, MAX_IMAGE_PIXELS, type ImageKind } from '@/lib/appeal/evidence-rules';

/** Why an upload cannot be checked; each code maps to a `file.*` message for the user. */
export type ImageInputProblem = 'tooBig' | 'notAnImage' | 'unsupportedImage' | 'tooManyPixels' | 'unreadable';

export class ImageInputError extends Error {
  constructor(readonly problem: ImageInputProblem) {
    super(`image input: ${problem}`);
    this.name = 'ImageInputError';
  }
}

const MIME_TO_KIND: Record<string, ImageKind> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/heic': 'heic',
  'image/heif': 'heic',
};

/** An image proven readable, turned upright, with its upright size. */
export type UprightImage = {
  kind: ImageKind;
  width: number;
  height: number;
  /** A fresh sharp pipeline over the upright pixels: sharp pipelines are single-use. */
  pipeline: () => Sharp;
};

/** HEIC is missing from sharp's prebuilt libvips, so it is recognised and declined here rather than misread. */
const SHARP_KINDS: readonly ImageKind[] = ['jpeg', 'png', 'webp', 'avif'];

/**
 * Decides the kind from the bytes (never the name or the declared type) and refuses absurd pixel
 * counts before anything is decoded. Reading the pixels later goes through `readRawPixels`, which
 * turns a decoder failure (a truncated file) into the same typed error.
 */
export async function openUprightImage(bytes: Uint8Array): Promise<UprightImage> {
  if (bytes.byteLength > MAX_FILE_BYTES) throw new ImageInputError('tooBig');
  const sniffed = await fileTypeFromBuffer(bytes);
  const kind = sniffed ? MIME_TO_KIND[sniffed.mime] : undefined;
  if (!kind) throw new ImageInputError('notAnImage');
  if (!SHARP_KINDS.includes(kind)) throw new ImageInputError('unsupportedImage');

  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // failOn stays at its default ('warning'), so a truncated JPEG fails when its pixels are read.
  const pipeline = () => sharp(source, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
  let meta: Metadata;
  try {
    meta = await sharp(source).metadata();
  } catch {
    throw new ImageInputError('unreadable');
  }
  if (!meta.width || !meta.height) throw new ImageInputError('unreadable');
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) throw new ImageInputError('tooManyPixels');
  // EXIF orientations 5–8 swap the axes once the image is turned upright.
  const swapsAxes = (meta.orientation ?? 1) >= 5;
  return {
    kind,
    width: swapsAxes ? meta.height : meta.width,
    height: swapsAxes ? meta.width : meta.height,
    pipeline,
  };
}

export type RawPixels = { data: Buffer; width: number; height: number; channels: number };

/** Runs a pipeline to raw pixels; a file that fails to decode becomes an `unreadable` input error. */
export async function readRawPixels(pipeline: Sharp): Promise<RawPixels> {
  try {
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch {
    throw new ImageInputError('unreadable');
  }
}
