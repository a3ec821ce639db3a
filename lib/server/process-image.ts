import 'server-only';

import sharp, { type Metadata, type Sharp } from 'sharp';

import { EVIDENCE_PHOTO, evidencePixelSize, MAX_FILE_BYTES, MAX_IMAGE_PIXELS, MAX_JPEG_PIXELS, type ImageKind } from '@/lib/appeal/evidence-rules';
import { encodeFieldMessage as msg } from '@/lib/i18n/field-message';
import { AppError, fileTooLarge } from '@/lib/server/app-error';
import { ByteBudget } from '@/lib/server/byte-budget';
import { readBaselineJpeg } from '@/lib/server/baseline-jpeg';
import { decodeHeic, HeicTooLargeError } from '@/lib/server/decode-heic';
import { isSrgbProfile } from '@/lib/server/srgb-profile';
import { sniffEvidenceKind } from '@/lib/appeal/evidence-kind';

/** How evidence photos are re-encoded: small enough to mail, large enough to read a till receipt. */
export type ImageEncoding = { maxEdge: number; quality: number };

/** An image already at the size this encoding keeps (evidencePixelSize leaves it as it is). */
function isEvidenceSize(width: number, height: number, encoding: ImageEncoding): boolean {
  const kept = evidencePixelSize(width, height, encoding.maxEdge);
  return kept.width === width && kept.height === height;
}

/** The evidence spec (see EVIDENCE_PHOTO): what the browser prepares and what a re-encoding makes. */
export const EVIDENCE_IMAGE_ENCODING: ImageEncoding = EVIDENCE_PHOTO;

/**
 * A JPEG quantised this coarsely or more is at the evidence quality: libjpeg's tables at 80 are
 * what browsers use for 0.8; a little headroom accepts other encoders' tables near it, finer
 * ones (a quality-95 original, three times the bytes) are re-encoded to keep the bundle small.
 */
const MAX_EMBEDDED_QUALITY = EVIDENCE_PHOTO.quality + 5;

export type ProcessedImage = {
  /** Baseline sRGB JPEG, upright, no metadata at all: what pdf-lib embeds as-is. */
  jpeg: Buffer;
  width: number;
  height: number;
  /** The original's size as the photo is seen (after its EXIF orientation). */
  sourceWidth: number;
  sourceHeight: number;
};

const MB = 1024 * 1024;

/**
 * Memory one image that libvips must decode whole may take. JPEG, WebP and plain PNG stream
 * through in strips (a 100 MP 16-bit PNG peaked at 157 MB RSS, a 100 MP WebP at 93 MB, node
 * itself 59 MB), but AVIF and interlaced (Adam7) PNG are decoded whole first: a 2 KB 100 MP AVIF
 * peaked at 1.8 GB, an 813 KB 100 MP 16-bit interlaced PNG at 870 MB. A container has ~600 MB and a
 * request up to 15 files, so one such decode is kept to about a third of it. Peak RSS above an
 * idle node, measured through this pipeline (flat images; the decode does not depend on content):
 * AVIF 12 MP 186–229 MB, 24 MP 432 MB, 50 MP 729–874 MB; interlaced PNG 8-bit RGB 12 MP 46 MB,
 * 50 MP 178 MB, 100 MP 329 MB; 16-bit RGBA 12 MP 109 MB, 24 MP 213 MB, 50 MP 424 MB.
 */
export const MAX_WHOLE_DECODE_BYTES = 200 * MB;
/** AVIF (libheif + libaom): measured 15–19 bytes per pixel, 4:2:0 or 4:4:4 alike. */
const AVIF_BYTES_PER_PIXEL = 16;

/** Chroma samples per pixel, each of Cb and Cr, by a JPEG's subsampling (sharp's metadata). */
const CHROMA_SHARE: Readonly<Record<string, number>> = { '4:4:4': 1, '4:2:2': 0.5, '4:4:0': 0.5, '4:2:0': 0.25, '4:1:1': 0.25 };

/**
 * A progressive JPEG is decoded whole, whatever the shrink: libjpeg keeps every DCT coefficient
 * of every scan (2 bytes a sample) until the last scan has come. Samples per pixel: one per grey
 * or luma component, the chroma components by their subsampling, a fourth (CMYK's K) in full.
 * Measured peak RSS above an idle node, 100 MP: 4:2:0 345 MB (3 bytes a pixel counted), 4:4:4
 * 630 MB (6): a 2.4 MB file of that kind took the server to 2 GB in one evidence check, whose
 * label reading decodes it several times.
 */
function progressiveJpegBytesPerPixel(metadata: Pick<Metadata, 'channels' | 'chromaSubsampling'>): number {
  const channels = metadata.channels ?? 3;
  if (channels < 3) return 2 * channels;
  const share = CHROMA_SHARE[(metadata.chromaSubsampling ?? '').split(':').slice(0, 3).join(':')] ?? 1;
  return 2 * (1 + 2 * share + (channels - 3));
}

/**
 * What decoding this image whole costs, or 0 for formats that stream. 200 MB takes a 12 MP
 * (4032 × 3024) AVIF phone photo, a 69 MP 8-bit RGB or a 26 MP 16-bit RGBA interlaced PNG, a
 * 66 MP 4:2:0 or a 33 MP 4:4:4 progressive JPEG (phone cameras write baseline JPEGs, which stream).
 */
export function wholeDecodeBytes(metadata: Pick<Metadata, 'format' | 'isProgressive' | 'channels' | 'depth' | 'chromaSubsampling'>, pixels: number): number {
  // sharp names AVIF 'heif' (the container); HEIC never reaches sharp (decode-heic.ts).
  if (metadata.format === 'heif') return pixels * AVIF_BYTES_PER_PIXEL;
  if (metadata.format === 'jpeg' && metadata.isProgressive) return pixels * progressiveJpegBytesPerPixel(metadata);
  if (metadata.format === 'png' && metadata.isProgressive) {
    const sampleBytes = metadata.depth === 'ushort' ? 2 : 1;
    return pixels * (metadata.channels ?? 4) * sampleBytes;
  }
  return 0;
}

/**
 * Whole decodes under way in this process, all requests together, hold at most one image's
 * allowance between them. Each image on its own was kept to 200 MB, but a bundle starts all its
 * files at once and libuv runs four at a time: eight 306 KB interlaced 16-bit PNGs added 765 MB,
 * found in a hostile-input review. A phone's JPEGs stream and never wait here.
 */
const wholeDecodes = new ByteBudget(MAX_WHOLE_DECODE_BYTES);

/** Runs a decode of `image` once its whole-decode memory (0 for images that stream) is free. */
function decodeWithin<T>(image: Pick<OpenedImage, 'decodeBytes'>, work: () => Promise<T>): Promise<T> {
  return wholeDecodes.use(image.decodeBytes, work);
}

/** Memory held by whole decodes running now (0 when none): a test's window on the budget. */
export function wholeDecodeBytesHeld(): number {
  return wholeDecodes.held;
}

const unreadable = (file: string, cause?: unknown) => new AppError('unreadable-file', msg('file.unreadable', { file }), { cause });
const tooManyPixels = (file: string) => new AppError('file-too-large', msg('file.tooManyPixels', { file }));

/** An image proven readable (its header at least), with its size as the photo is seen. */
export type OpenedImage = {
  kind: ImageKind;
  /** The name the user knows the file by, for the messages of errors found later. */
  file: string;
  /** Upright size: after the EXIF orientation (HEIC pixels come upright from the decoder). */
  width: number;
  height: number;
  hasAlpha: boolean;
  /** Bands as decoded: 1–2 grey, 3–4 colour (RGB or CMYK, with alpha or black). */
  channels: number;
  /** 8-bit sRGB already, so no colour conversion is needed. */
  plainSrgb: boolean;
  /** What a pipeline run decoding it whole takes (wholeDecodeBytes); 0 when it streams. */
  decodeBytes: number;
  /** A fresh sharp pipeline over the upright pixels: sharp pipelines are single-use. */
  pipeline: () => Sharp;
};

/**
 * The one way an uploaded image is opened, for the PDF and for the evidence check alike. HEIC goes
 * through WebAssembly first; sharp reads everything else itself. Refuses absurd pixel counts
 * before anything is decoded. Throws AppError (`unreadable-file`, `file-too-large`).
 */
export async function openImage(bytes: Uint8Array, kind: ImageKind, file: string): Promise<OpenedImage> {
  if (kind === 'heic') {
    let raw;
    try {
      raw = await decodeHeic(bytes);
    } catch (cause) {
      throw cause instanceof HeicTooLargeError ? tooManyPixels(file) : unreadable(file, cause);
    }
    const pixels = Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength);
    const { width, height } = raw;
    // libheif applies the HEIF rotation itself, so the pixels are already upright.
    const pipeline = () => sharp(pixels, { raw: { width, height, channels: 4 } });
    // Decoded already: the raw pixels stream from memory through the pipeline.
    return { kind, file, width, height, hasAlpha: true, channels: 4, plainSrgb: true, decodeBytes: 0, pipeline };
  }

  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The header alone says how big the pixels would be: refuse absurd images before decoding them.
  let metadata: Metadata;
  try {
    // Only the header is read here, so sharp's own pixel limit (268 MP) is lifted: otherwise it
    // calls a decompression bomb "unreadable" before the clearer "too many pixels" check below.
    metadata = await sharp(source, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw unreadable(file, cause);
  }
  const { width, height } = metadata.autoOrient;
  if (!width || !height) throw unreadable(file);
  // A JPEG is shrunk on load (1/8 of its size in each direction at most): see MAX_JPEG_PIXELS.
  const maxPixels = metadata.format === 'jpeg' ? MAX_JPEG_PIXELS : MAX_IMAGE_PIXELS;
  if (width * height > maxPixels) throw tooManyPixels(file);
  const decodeBytes = wholeDecodeBytes(metadata, width * height);
  if (decodeBytes > MAX_WHOLE_DECODE_BYTES) throw tooManyPixels(file);
  // An embedded sRGB profile (phone cameras write one) asks for a transform from sRGB to sRGB:
  // lcms on every pixel, about as costly as the decode itself, measured, for no change at all.
  const ignoreIcc = metadata.icc !== undefined && isSrgbProfile(metadata.icc);
  // A quarter turn (EXIF orientations 5–8: a phone held upright) needs the whole decoded image
  // at once; libvips then copies a sequentially read image to memory before turning it, so random
  // access is cheaper there: 158 → 140 ms CPU for a 12 MP photo decoded alone (with eight at once,
  // measured, the two cost the same). Otherwise the image streams through in strips.
  const quarterTurn = (metadata.orientation ?? 1) >= 5;
  // failOn stays at its default ('warning'): a truncated or corrupt file is refused, not half-drawn.
  // Orientation as a load option: measured about 15 % cheaper than the autoOrient() step.
  const pipeline = () => sharp(source, { limitInputPixels: maxPixels, sequentialRead: !quarterTurn, ignoreIcc, autoOrient: true });
  const plainSrgb = metadata.space === 'srgb' && metadata.depth === 'uchar';
  return { kind, file, width, height, hasAlpha: metadata.hasAlpha, channels: metadata.channels ?? 3, plainSrgb, decodeBytes, pipeline };
}

/**
 * Opens an upload whose kind is not known yet (the evidence check, the box label reading): the
 * kind comes from the bytes by the same sniffing as the bundle's, so both endpoints accept exactly
 * the same photos.
 */
export async function openUploadedImage(bytes: Uint8Array, file: string): Promise<OpenedImage> {
  if (bytes.byteLength > MAX_FILE_BYTES) throw fileTooLarge(file);
  const kind = sniffEvidenceKind(bytes);
  // Said apart: "not a photo or PDF we can use" would refuse a PDF while offering PDFs.
  if (kind === 'pdf') throw new AppError('unsupported-file-type', msg('file.pdfNotChecked', { file }));
  if (kind === null) throw new AppError('unsupported-file-type', msg('file.unsupportedType', { file }));
  return openImage(bytes, kind, file);
}

export type RawPixels = { data: Buffer; width: number; height: number; channels: number };

/** Runs a pipeline over `image` to raw pixels; a file that fails to decode (a truncated JPEG) is `unreadable-file`. */
export async function readRawPixels(pipeline: Sharp, image: Pick<OpenedImage, 'file' | 'decodeBytes'>): Promise<RawPixels> {
  const { file } = image;
  try {
    const { data, info } = await decodeWithin(image, () => pipeline.raw().toBuffer({ resolveWithObject: true }));
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch (cause) {
    throw unreadable(file, cause);
  }
}

/**
 * A JPEG that already meets the evidence spec, rebuilt without metadata or trailing bytes, once its
 * entropy-coded data is known to be whole: the evidence check decoded these very bytes
 * (`decodedWhole`), or a decode at 1/8 scale reads all of it here (JPEG shrink-on-load still
 * Huffman-decodes every block but skips most of the inverse DCT, and a truncated or corrupt file
 * fails (failOn 'warning') as a full decode would). Null when the photo needs re-encoding.
 */
async function asEmbeddedJpeg(bytes: Buffer, file: string, encoding: ImageEncoding, decodedWhole: boolean): Promise<ProcessedImage | null> {
  const baseline = readBaselineJpeg(bytes, { fits: (width, height) => isEvidenceSize(width, height, encoding) });
  if (!('jpeg' in baseline)) return null;
  const { jpeg, width, height, quality } = baseline;
  if (quality > MAX_EMBEDDED_QUALITY) return null;
  const embedded = { jpeg, width, height, sourceWidth: width, sourceHeight: height };
  if (decodedWhole) return embedded;
  try {
    // A ninth of the size: sharp uses libjpeg's 1/8 scale only for a shrink of 9 or more (between
    // 8 and 9 it takes 1/4 to dodge libjpeg's rounding, and that decode plus a lanczos pass cost
    // ~15 % more, measured); the step from an eighth to a ninth touches a few thousand pixels.
    await sharp(jpeg, { failOn: 'warning', sequentialRead: true })
      .resize({ width: Math.max(1, Math.floor(width / 9)), height: Math.max(1, Math.floor(height / 9)), fit: 'fill', kernel: 'linear' })
      .raw()
      .toBuffer();
  } catch (cause) {
    throw unreadable(file, cause);
  }
  return embedded;
}

/**
 * Turns an untrusted photo into evidence: upright by its EXIF orientation, every piece of metadata
 * (EXIF, GPS, XMP, IPTC, ICC) dropped (sharp keeps none unless asked, and we never ask), colours in
 * sRGB (CMYK included), transparency flattened on white, never enlarged. Re-encoding also proves
 * the bytes are an image and leaves no hidden payload behind. A JPEG already prepared to the spec
 * (the browser does that) keeps its pixels: only its structure is rebuilt, with the same promise.
 */
export async function processImage(
  bytes: Buffer,
  kind: ImageKind,
  file: string,
  {
    encoding = EVIDENCE_IMAGE_ENCODING,
    decodedWhole = false,
  }: {
    encoding?: ImageEncoding;
    /** The evidence check has decoded these very bytes without error (a valid token vouches for it). */
    decodedWhole?: boolean;
  } = {},
): Promise<ProcessedImage> {
  // Only at the evidence spec itself: the smaller fallbacks for an oversized bundle re-encode.
  if (kind === 'jpeg' && encoding === EVIDENCE_IMAGE_ENCODING) {
    const embedded = await asEmbeddedJpeg(bytes, file, encoding, decodedWhole);
    if (embedded) return embedded;
  }
  const opened = await openImage(bytes, kind, file);
  const { pipeline, width: sourceWidth, height: sourceHeight, hasAlpha, plainSrgb } = opened;
  const target = evidencePixelSize(sourceWidth, sourceHeight, encoding.maxEdge);
  const image = pipeline();
  try {
    // Anything but 8-bit sRGB is worked on in 8-bit sRGB from the start: CMYK is converted on
    // load, and a 16-bit PNG's white background is really white (flatten's #ffffff would be
    // near-black in 16-bit samples). Phone photos skip the extra conversion.
    if (!plainSrgb) image.pipelineColourspace('srgb');
    // Flatten only real transparency: CMYK's fourth band is ink, not alpha.
    if (hasAlpha) image.flatten({ background: '#ffffff' });
    const { data, info } = await decodeWithin(opened, () =>
      image
        // Lanczos with two lobes, not sharp's default three: a 12 MP phone photo is never shrunk on
        // load (sharp skips libjpeg's 1/2 scale when the shrink is between 2 and 3, to dodge its
        // rounding), so the whole resampling runs at full size; the shorter kernel saved 7–9 % of
        // the photo's CPU (measured on the 12 MP fixtures) for pixels 49–50 dB PSNR from lanczos3's.
        .resize({ width: target.width, height: target.height, fit: 'fill', withoutEnlargement: true, kernel: 'lanczos2' })
        .toColourspace('srgb')
        // Baseline, standard Huffman tables: optimised tables cost a second pass (~25 % of the
        // encode) for ~4 % smaller files.
        .jpeg({ quality: encoding.quality, progressive: false, chromaSubsampling: '4:2:0', mozjpeg: false, optimiseCoding: false })
        .toBuffer({ resolveWithObject: true }),
    );
    return { jpeg: data, width: info.width, height: info.height, sourceWidth, sourceHeight };
  } catch (cause) {
    throw unreadable(file, cause);
  }
}
