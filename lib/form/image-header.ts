/** How many leading bytes `declaredPixels` reads: EXIF with its thumbnail, XMP and MPF come first, within 64 KB each. */
export const IMAGE_HEADER_BYTES = 256 * 1024;

/** JPEG start-of-frame markers: C0–CF but DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * The pixel count a JPEG or PNG declares in its header, without decoding it; null when the
 * header cannot be read in `head` (another kind, a damaged start, a frame beyond the bytes given).
 * The browser asks this when it could not decode a photo, to tell a damaged file from one too
 * large for the phone's memory.
 */
export function declaredPixels(head: Uint8Array): number | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(12) === 0x49484452) {
    return view.getUint32(16) * view.getUint32(20); // PNG: IHDR is the first chunk
  }
  if (head[0] !== 0xff || head[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= head.length) {
    if (head[at] !== 0xff) return null;
    const marker = head[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = view.getUint16(at + 2);
    if (isStartOfFrame(marker)) return at + 9 <= head.length ? view.getUint16(at + 5) * view.getUint16(at + 7) : null;
    if (marker === 0xda || marker === 0xd9 || length < 2) return null; // image data before any frame
    at += 2 + length;
  }
  return null;
}
