import 'server-only';

import sharp, { type Metadata, type Sharp } from 'sharp';

import { MAX_FILE_BYTES, MAX_IMAGE_PIXELS, type ImageKind } from '@/lib/appeal/evidence-rules';
import { decodeHeic, HeicTooLargeError } from '@/lib/server/decode-heic';
import { sniffEvidenceKind } from '@/lib/server/sniff-file';

/** Why an upload cannot be checked; each code maps to a `file.*` message for the user. */
export type ImageInputProblem = 'tooBig' | 'notAnImage' | 'tooManyPixels' | 'unreadable';

export class ImageInputError extends Error {
  constructor(readonly problem: ImageInputProblem) {
    super(`image input: ${problem}`);
    this.name = 'ImageInputError';
  }
}

/** An image proven readable, turned upright, with its upright size. */
export type UprightImage = {
  kind: ImageKind;
  width: number;
  height: number;
  /** A fresh sharp pipeline over the upright pixels: sharp pipelines are single-use. */
  pipeline: () => Sharp;
};

/**
 * Decides the kind from the bytes (never the name or the declared type) and refuses absurd pixel
 * counts before anything is decoded. Reading the pixels later goes through `readRawPixels`, which
 * turns a decoder failure (a truncated file) into the same typed error.
 */
export async function openUprightImage(bytes: Uint8Array): Promise<UprightImage> {
  if (bytes.byteLength > MAX_FILE_BYTES) throw new ImageInputError('tooBig');
  // The same sniffing as the bundle route, so both endpoints accept exactly the same files.
  const kind = await sniffEvidenceKind(bytes);
  if (kind === null || kind === 'pdf') throw new ImageInputError('notAnImage');
  if (kind === 'heic') return openHeic(bytes);

  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // failOn stays at its default ('warning'), so a truncated JPEG fails when its pixels are read.
  const pipeline = () => sharp(source, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
  let meta: Metadata;
  try {
    meta = await sharp(source).metadata();
  } catch {
    throw new ImageInputError('unreadable');
  }
  const { width, height } = meta.autoOrient;
  if (!width || !height) throw new ImageInputError('unreadable');
  if (width * height > MAX_IMAGE_PIXELS) throw new ImageInputError('tooManyPixels');
  return {
    kind,
    width,
    height,
    pipeline,
  };
}

/** HEIC (the iPhone default) is not in sharp's prebuilt libvips: decoded to RGBA through WebAssembly. */
async function openHeic(bytes: Uint8Array): Promise<UprightImage> {
  let raw;
  try {
    raw = await decodeHeic(bytes);
  } catch (error) {
    throw new ImageInputError(error instanceof HeicTooLargeError ? 'tooManyPixels' : 'unreadable');
  }
  const pixels = Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength);
  const { width, height } = raw;
  // libheif applies the HEIF rotation itself, so the pixels are already upright.
  return { kind: 'heic', width, height, pipeline: () => sharp(pixels, { raw: { width, height, channels: 4 } }) };
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
