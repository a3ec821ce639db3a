import 'server-only';

import { isSrgbProfile } from '@/lib/server/srgb-profile';

/**
 * Reads a JPEG's marker structure without decoding a pixel, to decide whether its bytes can go
 * into the PDF as they are: the browser already prepares each photo to the evidence spec
 * (upright, long edge 2000 px, baseline JPEG at the evidence quality), and decoding and encoding
 * it again would only lose detail and cost CPU. The server trusts nothing the upload says:
 * anything this walker does not fully understand is a reason to re-encode, never to pass.
 *
 * What passes is rebuilt from the segments a baseline decoder needs (quantisation and Huffman
 * tables, restart interval, frame and scan headers with their entropy-coded data) behind a fresh
 * JFIF header; every APPn (EXIF and its GPS, XMP, IPTC, thumbnails), every comment and anything
 * after the end-of-image marker is dropped. Whether the entropy-coded data is whole is proven by
 * the caller with a decode (it cannot be judged without Huffman decoding).
 */

export type BaselineJpeg = {
  /** The rebuilt file: SOI, JFIF, tables, frame, scans, EOI. */
  jpeg: Buffer;
  width: number;
  height: number;
  components: 1 | 3;
  /**
   * libjpeg's quality scale (1–100) whose luminance table is as coarse as this file's: what the
   * encoder was asked for when it used the standard tables (browsers do), an estimate otherwise.
   */
  quality: number;
};

/** Why a JPEG must be re-encoded; `malformed` leaves the verdict on the bytes to the decoder. */
export type NotBaseline = {
  reason: 'not-jpeg' | 'malformed' | 'not-baseline' | 'colour' | 'rotated' | 'exif' | 'too-large';
};

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const DQT = 0xdb;
const DHT = 0xc4;
const DRI = 0xdd;
const SOF0 = 0xc0;
const COM = 0xfe;
const APP0 = 0xe0;
const APP15 = 0xef;

/** JFIF 1.01, no density unit, 1:1 pixels, no thumbnail: all a baseline file needs to say. */
const JFIF = Buffer.from([0xff, APP0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);

/** ITU T.81 Annex K luminance table: libjpeg scales it by the quality setting. */
const STANDARD_LUMINANCE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22,
  37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];

/** The sum of libjpeg's luminance table at each quality 1–100 (index = quality). */
const LUMINANCE_SUM_BY_QUALITY = Array.from({ length: 101 }, (_, quality) => {
  const q = Math.min(100, Math.max(1, quality));
  const scale = q < 50 ? 5000 / q : 200 - 2 * q;
  return STANDARD_LUMINANCE.reduce((sum, base) => sum + Math.min(255, Math.max(1, Math.floor((base * scale + 50) / 100))), 0);
});

function qualityOfTable(sum: number): number {
  // Sums fall as quality rises: the highest quality whose table is still at least this coarse.
  let quality = 1;
  while (quality < 100 && LUMINANCE_SUM_BY_QUALITY[quality + 1]! >= sum) quality += 1;
  return quality;
}

const no = (reason: NotBaseline['reason']): NotBaseline => ({ reason });

/**
 * EXIF orientation (tag 0x0112 of IFD0) from an APP1 payload after "Exif\0\0"; undefined when
 * absent, null when the TIFF structure cannot be read (so the caller cannot vouch for it).
 */
export function exifOrientation(tiff: Uint8Array): number | undefined | null {
  if (tiff.length < 8) return null;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = String.fromCharCode(tiff[0]!, tiff[1]!);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  if (view.getUint16(2, little) !== 42) return null;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return null;
  const count = view.getUint16(ifd, little);
  if (ifd + 2 + count * 12 > tiff.length) return null;
  for (let entry = ifd + 2; entry < ifd + 2 + count * 12; entry += 12) {
    if (view.getUint16(entry, little) !== 0x0112) continue;
    // SHORT, one value, stored in the first two bytes of the value field.
    if (view.getUint16(entry + 2, little) !== 3 || view.getUint32(entry + 4, little) !== 1) return null;
    return view.getUint16(entry + 8, little);
  }
  return undefined;
}

const startsWith = (bytes: Uint8Array, at: number, text: string) =>
  at + text.length <= bytes.length && [...text].every((char, i) => bytes[at + i] === char.charCodeAt(0));

/** End of a scan's entropy-coded data: the first marker that is not a stuffed 0xFF00 or a restart. */
function endOfEntropyData(bytes: Buffer, from: number): number {
  let at = from;
  for (;;) {
    at = bytes.indexOf(0xff, at);
    if (at < 0 || at + 1 >= bytes.length) return -1;
    const next = bytes[at + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at += 2;
    else if (next === 0xff) at += 1;
    else return at;
  }
}

/**
 * Walks the markers of a JPEG and rebuilds it from what a baseline decoder needs, or says why it
 * is not a plain baseline, 8-bit, greyscale or YCbCr, upright sRGB JPEG (progressive,
 * arithmetic, 12-bit, CMYK or Adobe RGB, an ICC profile other than sRGB, an EXIF orientation
 * other than 1, or anything unexpected in its structure), or that its size is not one `fits` allows.
 */
export function readBaselineJpeg(
  input: Uint8Array,
  { fits = () => true }: { fits?: (width: number, height: number) => boolean } = {},
): BaselineJpeg | NotBaseline {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return no('not-jpeg');
  const kept: Buffer[] = [bytes.subarray(0, 2), JFIF];
  const tables = new Map<number, number>();
  let frame: { width: number; height: number; components: 1 | 3; lumaTable: number } | undefined;
  let scans = 0;
  let exifSeen = false;
  let at = 2;

  for (;;) {
    if (at >= bytes.length || bytes[at] !== 0xff) return no('malformed');
    while (bytes[at] === 0xff) at += 1; // fill bytes before a marker
    const marker = bytes[at];
    const start = at - 1;
    at += 1;
    if (marker === undefined) return no('malformed');
    if (marker === EOI) {
      kept.push(Buffer.from([0xff, EOI])); // anything after it is dropped
      break;
    }
    if (at + 2 > bytes.length) return no('malformed');
    const length = bytes.readUInt16BE(at);
    const end = at + length;
    if (length < 2 || end > bytes.length) return no('malformed');
    const payload = bytes.subarray(at + 2, end);
    const segment = bytes.subarray(start, end);
    at = end;

    if (marker >= APP0 && marker <= APP15) {
      if (marker === APP0 + 1 && startsWith(payload, 0, 'Exif\0\0')) {
        if (exifSeen) return no('exif'); // two EXIF blocks: which orientation would a viewer take?
        exifSeen = true;
        const orientation = exifOrientation(payload.subarray(6));
        if (orientation === null) return no('exif');
        if (orientation !== undefined && orientation !== 1) return no('rotated');
      }
      // Colours defined by a profile or Adobe's transform flag would change once it is dropped;
      // a plain sRGB profile in one chunk (the browsers' own) changes nothing.
      if (marker === APP0 + 2 && startsWith(payload, 0, 'ICC_PROFILE\0')) {
        const [, chunks] = payload.subarray(12, 14);
        if (chunks !== 1 || !isSrgbProfile(payload.subarray(14))) return no('colour');
      }
      if (marker === APP0 + 14 && startsWith(payload, 0, 'Adobe')) return no('colour');
      continue;
    }
    if (marker === COM) continue;

    if (marker === DQT) {
      let p = 0;
      while (p < payload.length) {
        const precision = payload[p]! >> 4;
        const id = payload[p]! & 0x0f;
        if (precision !== 0 || id > 3 || p + 65 > payload.length) return no(precision !== 0 ? 'not-baseline' : 'malformed');
        tables.set(id, payload.subarray(p + 1, p + 65).reduce((sum, v) => sum + v, 0));
        p += 65;
      }
      kept.push(segment);
      continue;
    }
    if (marker === DHT) {
      let p = 0;
      while (p < payload.length) {
        const tableClass = payload[p]! >> 4;
        const id = payload[p]! & 0x0f;
        if (tableClass > 1 || id > 1 || p + 17 > payload.length) return no(tableClass > 1 ? 'malformed' : 'not-baseline');
        const symbols = payload.subarray(p + 1, p + 17).reduce((sum, v) => sum + v, 0);
        p += 17 + symbols;
      }
      if (p !== payload.length) return no('malformed');
      kept.push(segment);
      continue;
    }
    if (marker === DRI) {
      if (payload.length !== 2) return no('malformed');
      kept.push(segment);
      continue;
    }
    if (marker === SOF0) {
      if (frame || payload.length < 6) return no('malformed');
      const precision = payload[0];
      const height = payload.readUInt16BE(1);
      const width = payload.readUInt16BE(3);
      const count = payload[5]!;
      if (precision !== 8) return no('not-baseline');
      if (count !== 1 && count !== 3) return no('colour');
      if (width === 0 || height === 0 || payload.length !== 6 + count * 3) return no('malformed');
      // A camera original: stop before walking (and copying) megabytes of entropy data for nothing.
      if (!fits(width, height)) return no('too-large');
      const ids = [];
      for (let c = 0; c < count; c += 1) {
        const [id, sampling, table] = payload.subarray(6 + c * 3, 9 + c * 3);
        const h = sampling! >> 4;
        const v = sampling! & 0x0f;
        if (h < 1 || h > 4 || v < 1 || v > 4 || table! > 3) return no('malformed');
        ids.push(id);
      }
      // Three components are YCbCr only when numbered 1-2-3 (libjpeg reads 'R','G','B' as RGB).
      if (count === 3 && ids.join() !== '1,2,3') return no('colour');
      frame = { width, height, components: count, lumaTable: payload[8]! };
      kept.push(segment);
      continue;
    }
    if (marker === SOS) {
      if (!frame || payload.length < 1) return no('malformed');
      const count = payload[0]!;
      if (count < 1 || count > frame.components || payload.length !== 4 + count * 2) return no('malformed');
      const [spectralStart, spectralEnd, approximation] = payload.subarray(1 + count * 2);
      if (spectralStart !== 0 || spectralEnd !== 63 || approximation !== 0) return no('not-baseline');
      const dataEnd = endOfEntropyData(bytes, at);
      if (dataEnd < 0) return no('malformed'); // cut off before its end-of-image marker
      kept.push(segment, bytes.subarray(at, dataEnd));
      scans += 1;
      at = dataEnd;
      continue;
    }
    // Progressive, lossless, hierarchical, arithmetic-coded, DNL, extensions, reserved markers.
    return no('not-baseline');
  }

  if (!frame || scans === 0) return no('malformed');
  const luma = tables.get(frame.lumaTable);
  if (luma === undefined) return no('malformed');
  // Its own ArrayBuffer: pdf-lib's JPEG embedder reads `bytes.buffer` from offset 0, and
  // Buffer.concat puts small results inside Node's shared pool at some other offset.
  const jpeg = Buffer.alloc(kept.reduce((sum, part) => sum + part.length, 0));
  kept.reduce((offset, part) => offset + part.copy(jpeg, offset), 0);
  return {
    jpeg,
    width: frame.width,
    height: frame.height,
    components: frame.components,
    quality: qualityOfTable(luma),
  };
}
