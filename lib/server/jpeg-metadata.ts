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

/** A stretch of a JPEG: a marker segment (SOI and EOI included) or a scan's entropy-coded data. */
type Piece = { marker: number | null; start: number; end: number };

/**
 * The pieces of the JPEG at the start of `bytes`, up to its EOI, and whether it reached one (a
 * file cut after its image data has none). Bytes after the EOI are not looked at, so a JPEG can
 * be walked where it is followed by something else (an inline image's EI in a PDF content
 * stream). Throws on a structure it cannot walk.
 */
function walkJpeg(bytes: Uint8Array): { pieces: Piece[]; ended: boolean } {
  if (bytes[0] !== MARKER || bytes[1] !== SOI) throw new Error('not a JPEG');
  const pieces: Piece[] = [{ marker: SOI, start: 0, end: 2 }];
  let scanned = false;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== MARKER) throw new Error(`no marker at ${at}`);
    while (bytes[at + 1] === MARKER) at += 1; // fill bytes
    const marker = bytes[at + 1];
    if (marker === undefined) throw new Error('cut short at a marker');
    if (marker === EOI) {
      pieces.push({ marker, start: at, end: at + 2 });
      return { pieces, ended: true };
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw new Error(`segment ${marker.toString(16)} runs past the end`);
    pieces.push({ marker, start: at, end });
    at = end;
    if (marker === SOS) {
      scanned = true;
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
      const scanEnd = nextMarker(bytes, at);
      pieces.push({ marker: null, start: at, end: scanEnd });
      at = scanEnd;
    }
  }
  if (!scanned) throw new Error('no image data');
  return { pieces, ended: false };
}

/**
 * The same JPEG without its metadata segments, comments or anything after its end: what a JPEG
 * image inside an uploaded PDF receipt keeps (a phone photo turned into a PDF carries its EXIF,
 * GPS included, byte for byte). The pixels are untouched: tables, frames and scans are copied
 * as they are, progressive files included. Throws on a structure it cannot walk.
 */
export function withoutJpegMetadata(bytes: Uint8Array): Uint8Array {
  const { pieces, ended } = walkJpeg(bytes);
  const kept = pieces.filter((piece) => piece.marker === null || !dropped(piece.marker)).map((piece) => bytes.subarray(piece.start, piece.end));
  // Cut after its image data (readers draw what is there): it ends as every JPEG must.
  return concat(ended ? kept : [...kept, new Uint8Array([MARKER, EOI])]);
}

/**
 * Where the JPEG at the start of `bytes` ends: just after its EOI marker. An inline image in a
 * PDF content stream has no length of its own; its JPEG structure is what tells where it ends.
 * Throws when it cannot be walked to an EOI.
 */
export function jpegLength(bytes: Uint8Array): number {
  const { pieces, ended } = walkJpeg(bytes);
  if (!ended) throw new Error('no end of image');
  return pieces.at(-1)!.end;
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
