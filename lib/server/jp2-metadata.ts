import 'server-only';

/**
 * JPEG 2000 images in a PDF (the JPXDecode filter) are stored as JP2 files: a sequence of boxes,
 * each a 4-byte length, a 4-byte type and its contents (ISO 15444-1 annex I). Metadata sits in
 * boxes beside the image: XMP in 'xml ' or 'uuid' boxes, GeoJP2 GPS positions in 'uuid' boxes,
 * 'uinf' links, 'jp2i' rights, 'asoc' labels (GMLJP2). Or the data is a bare codestream, whose
 * main header may hold COM comments.
 */

/** Top-level boxes that describe the image: signature, file type, reader requirements, headers, codestream. */
const KEPT_BOXES = new Set(['jP  ', 'ftyp', 'rreq', 'jp2h', 'jpch', 'jplh', 'cgrp', 'jp2c']);
const SIGNATURE = 'jP  ';
const CODESTREAM = 'jp2c';

type Box = { type: string; start: number; end: number };

/**
 * The top-level boxes of a JP2 file, and the offset after the last one that walks. Throws when the
 * boxes up to the codestream do not walk: the image itself would be unreadable. After the
 * codestream, what does not walk is no part of the image (readers stop at the codestream).
 */
export function jp2Boxes(bytes: Uint8Array): { boxes: Box[]; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Box[] = [];
  let at = 0;
  while (at < bytes.length) {
    const box = boxAt(bytes, view, at);
    if (!box) {
      if (boxes.some((kept) => kept.type === CODESTREAM)) break;
      throw new Error(`no JP2 box at ${at}`);
    }
    boxes.push(box);
    at = box.end;
  }
  if (boxes[0]?.type !== SIGNATURE) throw new Error('not a JP2 file');
  return { boxes, end: at };
}

function boxAt(bytes: Uint8Array, view: DataView, at: number): Box | null {
  if (at + 8 > bytes.length) return null;
  const declared = view.getUint32(at);
  const type = Buffer.from(bytes.subarray(at + 4, at + 8)).toString('latin1');
  let header = 8;
  let size = declared;
  if (declared === 0) size = bytes.length - at; // the last box, to the end of the file
  if (declared === 1) {
    if (at + 16 > bytes.length) return null;
    header = 16;
    size = Number(view.getBigUint64(at + 8));
  }
  if (size < header || at + size > bytes.length) return null;
  return { type, start: at, end: at + size };
}

const SOC = 0x4f;
const SIZ = 0x51;
const SOT = 0x90;
const COM = 0x64;

/**
 * The same JPEG 2000 image without its metadata: a JP2 file keeps only the boxes that describe
 * the image (the codestream byte for byte), a bare codestream its main header without comments.
 * Returns `bytes` itself when there is nothing to remove. Throws on a structure it cannot walk.
 */
export function withoutJp2Metadata(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0xff && bytes[1] === SOC && bytes[2] === 0xff && bytes[3] === SIZ) return withoutCodestreamComments(bytes);
  const { boxes, end } = jp2Boxes(bytes);
  const kept = boxes.filter((box) => KEPT_BOXES.has(box.type));
  if (kept.length === boxes.length && end === bytes.length) return bytes;
  return new Uint8Array(Buffer.concat(kept.map((box) => bytes.subarray(box.start, box.end))));
}

/**
 * A bare codestream's main header, SOC to the first tile-part (SOT), is a run of marker segments
 * with a 2-byte length each; COM segments are dropped, the rest is copied. Comments inside
 * tile-part headers are left: removing them would mean rewriting each tile-part's length.
 */
function withoutCodestreamComments(bytes: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let removed = false;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`no codestream marker at ${at}`);
    const marker = bytes[at + 1]!;
    if (marker === SOT) {
      if (!removed) return bytes;
      kept.push(bytes.subarray(at));
      return new Uint8Array(Buffer.concat(kept));
    }
    const end = at + 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
    if (end < at + 4 || end > bytes.length) throw new Error(`codestream segment ${marker.toString(16)} runs past the end`);
    if (marker === COM) removed = true;
    else kept.push(bytes.subarray(at, end));
    at = end;
  }
  throw new Error('a codestream without tile-parts');
}
