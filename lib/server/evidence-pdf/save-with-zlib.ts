import 'server-only';

import { deflateSync } from 'node:zlib';
import { PDFContentStream, PDFContext, PDFName, PDFRawStream, typedArrayFor, type PDFDocument } from 'pdf-lib';

/**
 * pdf-lib compresses streams with pako, zlib ported to JavaScript, on the main thread: a new
 * 64 KB window set up and zero-filled for each font, text map, embedded receipt page and page of
 * drawing, then deflated in JavaScript. That was about 5 ms of each bundle (profiled). Node's zlib
 * writes the same Flate format in C in a fraction of that. pdf-lib offers no hook for it, so its
 * one method that makes compressed streams from bytes is replaced, once per process, the way
 * fonts.ts mends fontkit; the page streams, which pdf-lib compresses itself while saving, are
 * compressed before that by saveWithZlib.
 */
function deflateWithZlib(this: PDFContext, contents: string | Uint8Array, dict: Parameters<PDFContext['flateStream']>[1] = {}): PDFRawStream {
  return this.stream(deflateSync(typedArrayFor(contents)), { ...dict, Filter: 'FlateDecode' });
}
PDFContext.prototype.flateStream = deflateWithZlib;

const FLATE = PDFName.of('FlateDecode');

/**
 * Saves the document with every stream it drew compressed by zlib: fonts and embedded pages are
 * written out first (flush), then each page's drawing replaces pdf-lib's own lazily compressed
 * stream, with the same dictionary (its /Filter is FlateDecode already; a stream pdf-lib was told
 * to leave uncompressed stays as it is).
 */
export async function saveWithZlib(document: PDFDocument): Promise<Uint8Array> {
  await document.flush();
  const { context } = document;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFContentStream && object.dict.get(PDFName.of('Filter')) === FLATE) {
      context.assign(ref, PDFRawStream.of(object.dict, deflateSync(object.getUnencodedContents())));
    }
  }
  return document.save();
}
