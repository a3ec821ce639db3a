import 'server-only';

const MARKER = 0xff;
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;

/**
 * APP0 (JFIF), APP2 (the ICC colour profile) and APP14 (Adobe: how CMYK and YCCK are to be
 * converted) change how the pixels look; every other APPn carries metadata (EXIF with GPS and
 * the camera's serial number, XMP with names and e-mail addresses, IPTC, thumbnails).
 */
const dropped = (marker: number) => marker === COM || (marker >= APP0 && marker <= APP15 && marker !== APP0 && marker !== APP2 && marker !== APP14);

/**
 * The same JPEG without its metadata segments, comments or anything after its end: what a JPEG
 * image inside an uploaded PDF receipt keeps (a phone photo turned into a PDF carries its EXIF,
 * GPS included, byte for byte). The pixels are untouched: tables, frames and scans are copied
 * as they are, progressive files included. Throws on a structure it cannot walk.
 */
export function withoutJpegMetadata(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== MARKER || bytes[1] !== SOI) throw new Error('not a JPEG');
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let scanned = false;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== MARKER) throw new Error(`no marker at ${at}`);
    while (bytes[at + 1] === MARKER) at += 1; // fill bytes
    const marker = bytes[at + 1];
    if (marker === undefined) throw new Error('cut short at a marker');
    if (marker === EOI) {
      kept.push(bytes.subarray(at, at + 2));
      return concat(kept);
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw new Error(`segment ${marker.toString(16)} runs past the end`);
    if (!dropped(marker)) kept.push(bytes.subarray(at, end));
    at = end;
    if (marker === SOS) {
      scanned = true;
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
      const scanEnd = nextMarker(bytes, at);
      kept.push(bytes.subarray(at, scanEnd));
      at = scanEnd;
    }
  }
  // Cut after its image data (readers draw what is there): it ends as every JPEG must.
  if (!scanned) throw new Error('no image data');
  return concat([...kept, new Uint8Array([MARKER, EOI])]);
}

function nextMarker(bytes: Uint8Array, from: number): number {
  for (let at = from; at + 1 < bytes.length; at += 1) {
    if (bytes[at] !== MARKER) continue;
    const next = bytes[at + 1]!;
    if (next !== 0x00 && next !== MARKER && !(next >= 0xd0 && next <= 0xd7)) return at;
  }
  return bytes.length;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
