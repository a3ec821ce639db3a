import 'server-only';

import { constants as zlibConstants, inflateSync } from 'node:zlib';

import { PDFArray, PDFDict, PDFName, PDFNull, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * Checks of an uploaded PDF's structure that pdf-lib does not make, each against a file of a few
 * kilobytes that would otherwise take the server down (found in a hostile-input review): pdf-lib
 * parses, counts and embeds synchronously, so no deadline can stop it once it has started.
 * Anything these checks refuse is malformed: real receipts are nowhere near the limits.
 */

/**
 * A cross-reference stream's /W gives the width in bytes of each field of an entry; pdf-lib reads
 * a declared width byte by byte for every entry, so `/W [1 1000000000 1]` in a 661-byte file kept
 * the event loop busy for minutes. No PDF needs a field wider than 8 bytes (a 64-bit offset).
 * The raw bytes are searched before parsing: a cross-reference stream's dictionary is never
 * compressed. Returns what is wrong, or null.
 */
export function xrefStreamProblem(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  for (const match of text.matchAll(/\/Type\s*\/XRef\b/g)) {
    // The dictionary around the match: from its object header to its stream keyword.
    const start = text.lastIndexOf(' obj', match.index);
    const end = text.indexOf('stream', match.index);
    const dictionary = text.slice(start === -1 ? 0 : start, end === -1 ? undefined : end);
    const widths = /\/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(dictionary);
    if (!widths) return 'a cross-reference stream without plain field widths';
    if (widths.slice(1).some((width) => Number(width) > 8)) return `cross-reference field widths ${widths.slice(1).join(' ')}`;
  }
  return null;
}

/** Deeper than any real page tree (a balanced one of depth 8 already holds millions of pages). */
const MAX_TREE_DEPTH = 32;

/**
 * Counts the page tree's pages, stopping once there are more than `max`, and refuses a tree whose
 * nodes are shared or cyclic. pdf-lib's getPageCount() lists every page first: a 2.7 KB file whose
 * page-tree nodes each list the same child twice, 28 levels deep, stands for 2^28 pages and ended
 * the process with "invalid size error". Returns at most `max + 1`.
 */
export function countPages(document: PDFDocument, max: number): number {
  const seen = new Set<PDFObject>();
  let pages = 0;
  const visit = (ref: PDFObject, depth: number): void => {
    if (pages > max) return;
    if (depth > MAX_TREE_DEPTH) throw new Error('page tree too deep');
    const node = ref instanceof PDFRef ? document.context.lookup(ref) : ref;
    if (!(node instanceof PDFDict)) throw new Error('page tree node is not a dictionary');
    if (seen.has(node)) throw new Error('page tree node listed twice');
    seen.add(node);
    const type = node.get(PDFName.of('Type'));
    const kids = node.lookup(PDFName.of('Kids'));
    // A node with /Kids is a branch whatever its /Type says; anything else is a page.
    if (kids === undefined && (type === undefined || type === PDFName.of('Page'))) {
      pages += 1;
      return;
    }
    if (!(kids instanceof PDFArray)) throw new Error('page tree node without /Kids');
    for (const kid of kids.asArray()) visit(kid, depth + 1);
  };
  visit(document.catalog.get(PDFName.of('Pages')) ?? PDFNull, 0);
  return pages;
}

/**
 * Decoded page content a receipt may carry in all. pdf-lib decodes every page's content stream
 * when the bundle is saved; one 10 KB Flate stream of 10 MB, listed 60 times in a page's
 * /Contents, took 1.3 GB and 34 s. A text-heavy receipt page is under 100 KB.
 */
export const MAX_DECODED_CONTENT_BYTES = 16 * 1024 * 1024;

/**
 * Makes every page of a parsed receipt safe to embed, or throws: its size is a real rectangle,
 * its content streams decode (Flate or none, each counted every time it is listed) to no more
 * than MAX_DECODED_CONTENT_BYTES in all, and a page without content (a blank page, legitimately)
 * gets an empty stream, which pdf-lib's embedding requires.
 */
export function checkPageContents(document: PDFDocument, maxDecodedBytes = MAX_DECODED_CONTENT_BYTES): void {
  let decoded = 0;
  for (const page of document.getPages()) {
    const { width, height } = page.getSize();
    if (!(Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0)) throw new Error(`page size ${width} × ${height}`);
    const contents = page.node.get(PDFName.of('Contents'));
    const target = contents instanceof PDFRef ? document.context.lookup(contents) : contents;
    if (target === undefined || target === PDFNull) {
      page.node.set(PDFName.of('Contents'), document.context.register(document.context.stream(new Uint8Array(0))));
      continue;
    }
    const streams = target instanceof PDFArray ? target.asArray().map((item) => (item instanceof PDFRef ? document.context.lookup(item) : item)) : [target];
    for (const stream of streams) {
      // pdf-lib wraps the contents in q…Q streams of its own (PDFContentStream) when it opens a page.
      if (stream instanceof PDFRawStream) decoded += decodeContentStream(stream, maxDecodedBytes - decoded).byteLength;
      else if (stream instanceof PDFStream) decoded += stream.getContentsSize();
      else throw new Error('page content is not a stream');
    }
  }
}

/**
 * A content stream's decoded bytes (Flate or no filter), refusing past `room` bytes without ever
 * holding more than that. Content streams are what pdf-lib decodes when it embeds a page, and
 * what the inline images are looked for in (strip-active-content.ts).
 */
export function decodeContentStream(stream: PDFRawStream, room: number): Uint8Array {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter === undefined ? [] : [filter];
  const names = filters.map((f) => (f instanceof PDFName ? f.decodeText() : '?'));
  const bytes = stream.getContents();
  if (names.length === 0) {
    if (bytes.byteLength > room) throw new Error('content too large');
    return bytes;
  }
  if (names.length !== 1 || names[0] !== 'FlateDecode') throw new Error(`content filters ${names.join(' ')}`);
  // A predictor belongs to images; content drawn by any real producer has none.
  const parms = stream.dict.lookup(PDFName.of('DecodeParms'));
  const predictor = parms instanceof PDFDict ? parms.lookup(PDFName.of('Predictor')) : undefined;
  if (predictor instanceof PDFNumber && predictor.asNumber() !== 1) throw new Error('predicted content');
  try {
    // maxOutputLength stops inflating at the limit (RangeError), so a bomb never fills memory;
    // a sync flush accepts a stream whose end was cut, as readers (and pdf-lib) do.
    return inflateSync(bytes, { maxOutputLength: Math.max(1, room), finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch (cause) {
    throw new Error('content does not inflate within the limit', { cause });
  }
}
