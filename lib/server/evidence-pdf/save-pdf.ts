import 'server-only';

import { deflateSync } from 'node:zlib';
import { PDFContentStream, PDFContext, PDFName, PDFRawStream, PDFStream, typedArrayFor, type PDFDocument } from 'pdf-lib';

/*
 * Two of pdf-lib's inner loops, moved to native code. pdf-lib has no hooks for either, so its
 * methods are replaced once per process, the way fonts.ts mends fontkit; the output is the same
 * PDF (the bundle test has qpdf --check decode every stream).
 */

/**
 * pdf-lib compresses streams with pako, zlib ported to JavaScript, on the main thread: a new
 * 64 KB window set up and zero-filled for each font, text map, embedded receipt page and page of
 * drawing, then deflated in JavaScript. That was about 5 ms of each bundle (profiled). Node's zlib
 * writes the same Flate format in C in a fraction of that. This is pdf-lib's one method that
 * makes compressed streams from bytes; the page streams, which pdf-lib compresses itself while
 * saving, are compressed before that by savePdf.
 */
function deflateWithZlib(this: PDFContext, contents: string | Uint8Array, dict: Parameters<PDFContext['flateStream']>[1] = {}): PDFRawStream {
  return this.stream(deflateSync(typedArrayFor(contents)), { ...dict, Filter: 'FlateDecode' });
}
PDFContext.prototype.flateStream = deflateWithZlib;

const STREAM_START = Buffer.from('\nstream\n', 'latin1');
const STREAM_END = Buffer.from('\nendstream', 'latin1');

/**
 * pdf-lib writes each stream into the saved file one byte at a time, in a JavaScript loop: for
 * the photos' 600 KB that was about 2.5 ms of each bundle (profiled). The same bytes, copied in
 * bulk.
 */
function copyStreamBytes(this: PDFStream, buffer: Uint8Array, offset: number): number {
  this.updateDict();
  const start = offset;
  offset += this.dict.copyBytesInto(buffer, offset);
  buffer.set(STREAM_START, offset);
  offset += STREAM_START.length;
  const contents = this.getContents();
  buffer.set(contents, offset);
  offset += contents.length;
  buffer.set(STREAM_END, offset);
  offset += STREAM_END.length;
  return offset - start;
}
PDFStream.prototype.copyBytesInto = copyStreamBytes;

const FILTER = PDFName.of('Filter');
const FLATE = PDFName.of('FlateDecode');

/**
 * Saves the document with every stream it drew compressed by zlib: fonts and embedded pages are
 * written out first (flush), then each page's drawing replaces pdf-lib's own lazily compressed
 * stream, with the same dictionary (its /Filter is FlateDecode already; a stream pdf-lib was told
 * to leave uncompressed stays as it is).
 *
 * The cross-reference is a classic table, not pdf-lib's default object streams: pdf-lib packs the
 * small objects into streams it deflates with pako, which was about 2 ms of each bundle (profiled)
 * to save 7 KB of a 670 KB file. A classic table is also what the oldest readers understand.
 */
export async function savePdf(document: PDFDocument): Promise<Uint8Array> {
  await document.flush();
  const { context } = document;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFContentStream && object.dict.get(FILTER) === FLATE) {
      context.assign(ref, PDFRawStream.of(object.dict, deflateSync(object.getUnencodedContents())));
    }
  }
  return document.save({ useObjectStreams: false });
}
