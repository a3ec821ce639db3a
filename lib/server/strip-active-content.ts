import 'server-only';

import { deflateSync, inflateSync } from 'node:zlib';

import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

import { withoutInlineImageMetadata } from '@/lib/server/inline-images';
import { withoutJp2Metadata } from '@/lib/server/jp2-metadata';
import { withoutJpegMetadata } from '@/lib/server/jpeg-metadata';
import { decodeContentStream, MAX_DECODED_CONTENT_BYTES } from '@/lib/server/pdf-receipt-structure';

/**
 * What a page keeps: what draws it. pdf-lib's embedPdf copies the page dictionary (all but
 * /Parent) and everything its values lead to into the bundle, so /Annots, /AA, /Metadata and
 * the rest would travel as objects even though the Form XObject only draws content + resources.
 */
const PAGE_KEYS = new Set(['Type', 'Parent', 'Contents', 'Resources', 'MediaBox', 'CropBox', 'Rotate', 'Group']);
/** The resource categories of ISO 32000-1 section 7.8.3; anything else in /Resources is not for drawing. */
const RESOURCE_KEYS = new Set(['ExtGState', 'ColorSpace', 'Pattern', 'Shading', 'XObject', 'Font', 'ProcSet', 'Properties']);
/**
 * Keys that never help to draw and can act or carry data: actions (/A, /AA, /OpenAction, /JS),
 * name trees of scripts and embedded files, file specifications and external stream data
 * (/F, /FS, /EF, /OPI, /Ref), metadata and page-tree links (/Parent, /P).
 */
const DROPPED_KEYS = new Set([
  'A', 'AA', 'OpenAction', 'JS', 'JavaScript', 'Names', 'EmbeddedFiles', 'EF', 'F', 'FS', 'FFilter', 'FDecodeParms',
  'URI', 'Annots', 'AcroForm', 'Outlines', 'Dests', 'Threads', 'StructTreeRoot', 'Metadata', 'PieceInfo', 'OPI', 'Ref',
  'Parent', 'P', 'Collection', 'Perms', 'Catalog',
]);
/** Objects that have no business inside page resources, whatever key leads to them. */
const DROPPED_TYPES = new Set(['Catalog', 'Pages', 'Page', 'Annot', 'Action', 'Filespec', 'EmbeddedFile', 'Metadata', 'Outlines', 'Sig']);

/**
 * One cleaning of a document: the objects already visited, the content streams already looked
 * into, how many decoded content bytes may still be inflated to look for inline images, and how
 * many bytes of image files may still be inflated out of a Flate wrapper (imageRoom).
 */
type Walk = { document: PDFDocument; seen: Set<PDFObject>; contents: Set<PDFRef>; contentRoom: number; imageRoom: number };

/**
 * Leaves in an uploaded PDF only what its pages need to render: each page dictionary is cut down
 * to contents, resources and boxes, its resources to the drawing categories, and every object the
 * resources lead to loses its action, script, file and metadata entries. Images lose their
 * metadata: JPEG and JPEG 2000 image objects, and JPEGs drawn inline in any content stream
 * (pages, Form XObjects, tiling patterns, Type3 glyphs). Works on the parsed upload in place (it
 * belongs to this request alone), before its pages are embedded.
 */
export function stripActiveContent(document: PDFDocument): void {
  const walk: Walk = { document, seen: new Set(), contents: new Set(), contentRoom: MAX_DECODED_CONTENT_BYTES, imageRoom: MAX_DECODED_CONTENT_BYTES };
  for (const page of document.getPages()) {
    const node = page.node;
    const { Resources } = node.normalizedEntries(); // pulls inherited resources onto the page
    for (const key of node.keys()) {
      if (!PAGE_KEYS.has(key.decodeText())) node.delete(key);
    }
    const resources = document.context.obj({});
    for (const [key, value] of Resources?.entries() ?? []) {
      if (RESOURCE_KEYS.has(key.decodeText())) resources.set(key, value);
    }
    node.set(PDFName.of('Resources'), resources);
    for (const ref of pageContentRefs(node, document)) cleanContentStream(ref, walk);
    clean(resources, walk);
  }
}

/** The page's content streams; anything else there is refused later (checkPageContents). */
function pageContentRefs(node: PDFDict, document: PDFDocument): PDFRef[] {
  const contents = node.get(PDFName.of('Contents'));
  const target = contents instanceof PDFRef ? document.context.lookup(contents) : contents;
  if (target instanceof PDFArray) return target.asArray().filter((item) => item instanceof PDFRef);
  return contents instanceof PDFRef ? [contents] : [];
}

/**
 * Strips everything `root` leads to. A worklist rather than recursion: how deep the resources nest
 * is only checked afterwards (checkNestingDepth), so a walk that recursed could overflow the stack.
 */
function clean(root: PDFObject, walk: Walk): void {
  const pending = [root];
  for (let object = pending.pop(); object !== undefined; object = pending.pop()) {
    if (walk.seen.has(object)) continue;
    walk.seen.add(object);
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (dict) {
      cleanGlyphs(dict, walk);
      for (const [key, value] of dict.entries()) {
        if (DROPPED_KEYS.has(key.decodeText()) || isDroppedType(value, walk.document)) dict.delete(key);
        else pending.push(value);
      }
    } else if (object instanceof PDFArray) {
      for (const [index, value] of object.asArray().entries()) {
        if (isDroppedType(value, walk.document)) object.set(index, walk.document.context.obj(null));
        else pending.push(value);
      }
    } else if (object instanceof PDFRef) {
      const target = cleanStream(object, walk);
      if (target) pending.push(target);
    }
  }
}

/** A Type3 font's glyphs are content streams, drawn as a page's are. */
function cleanGlyphs(dict: PDFDict, walk: Walk): void {
  if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Type3')) return;
  const glyphs = dict.lookup(PDFName.of('CharProcs'));
  for (const glyph of glyphs instanceof PDFDict ? glyphs.values() : []) {
    if (glyph instanceof PDFRef) cleanContentStream(glyph, walk);
  }
}

/**
 * Takes the metadata out of an image stream, or the inline images' out of a Form or tiling
 * pattern, storing the result under the same reference. Returns what the reference now leads to.
 */
function cleanStream(ref: PDFRef, walk: Walk): PDFObject | undefined {
  const { context } = walk.document;
  const stream = context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) return stream;
  const codec = imageCodec(stream);
  if (codec) {
    const contents = imageFile(stream, codec, walk);
    const image = codec === 'DCTDecode' ? withoutJpegMetadata(contents) : withoutJp2Metadata(contents);
    if (image !== stream.getContents()) context.assign(ref, PDFRawStream.of(stream.dict, image));
  }
  const patternType = stream.dict.get(PDFName.of('PatternType'));
  const tiling = patternType instanceof PDFNumber && patternType.asNumber() === 1;
  if (stream.dict.get(PDFName.of('Subtype')) === PDFName.of('Form') || tiling) cleanContentStream(ref, walk);
  return context.lookup(ref);
}

/**
 * Looks for inline images in a content stream (decoded within what is left of the document's
 * content budget, as checkPageContents counts page content) and, when some JPEG among them had
 * metadata, stores the stream again without it, Flate-compressed.
 */
function cleanContentStream(ref: PDFRef, walk: Walk): void {
  if (walk.contents.has(ref)) return;
  walk.contents.add(ref);
  const stream = walk.document.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) return;
  const content = decodeContentStream(stream, walk.contentRoom);
  walk.contentRoom -= content.byteLength;
  const kept = withoutInlineImageMetadata(content);
  if (kept === content) return;
  stream.dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
  stream.dict.delete(PDFName.of('DecodeParms'));
  walk.document.context.assign(ref, PDFRawStream.of(stream.dict, deflateSync(kept)));
}

type ImageCodec = 'DCTDecode' | 'JPXDecode';

function filterNames(stream: PDFRawStream): PDFObject[] {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  return filter instanceof PDFArray ? filter.asArray() : filter === undefined ? [] : [filter];
}

/**
 * An image stored as a JPEG or JPEG 2000 file (the DCTDecode or JPXDecode filter last): its EXIF,
 * GPS and XMP would reach the bundle byte for byte. The file may be wrapped in Flate first (some
 * scanners and online PDF compressors write [/FlateDecode /DCTDecode]); any other chain with a
 * codec in it is refused: it could not be cleaned without decoding the image.
 */
function imageCodec(stream: PDFRawStream): ImageCodec | null {
  const names = filterNames(stream);
  const codec = names.findIndex((name) => name === PDFName.of('DCTDecode') || name === PDFName.of('JPXDecode'));
  if (codec === -1) return null;
  if (codec !== names.length - 1 || names.slice(0, codec).some((name) => name !== PDFName.of('FlateDecode'))) {
    throw new Error('an image codec behind a filter other than Flate');
  }
  return names[codec] === PDFName.of('DCTDecode') ? 'DCTDecode' : 'JPXDecode';
}

/**
 * The image file a codec stream holds. A Flate wrapper is inflated (within what is left of
 * walk.imageRoom: a JPEG barely deflates, so a wrapper that inflates far beyond its bytes is a
 * bomb) and taken off the stream, which then names its codec alone: readers draw it the same, and
 * its metadata can be taken out. A predictor on the wrapper would change the bytes: refused.
 */
function imageFile(stream: PDFRawStream, codec: ImageCodec, walk: Walk): Uint8Array {
  let contents = stream.getContents();
  const wrappers = filterNames(stream).length - 1;
  if (wrappers === 0) return contents;
  const parms = stream.dict.lookup(PDFName.of('DecodeParms'));
  const parmsOf = (index: number) => (parms instanceof PDFArray ? parms.lookup(index) : index === 0 ? parms : undefined);
  for (let index = 0; index < wrappers; index += 1) {
    const wrapperParms = parmsOf(index);
    if (wrapperParms instanceof PDFDict && wrapperParms.has(PDFName.of('Predictor'))) throw new Error('a predictor on an image file');
    try {
      contents = inflateSync(contents, { maxOutputLength: Math.max(1, walk.imageRoom) });
    } catch (cause) {
      throw new Error('an image file does not inflate within the limit', { cause });
    }
    walk.imageRoom -= contents.byteLength;
  }
  const codecParms = parmsOf(wrappers);
  stream.dict.set(PDFName.of('Filter'), PDFName.of(codec));
  if (codecParms instanceof PDFDict) stream.dict.set(PDFName.of('DecodeParms'), codecParms);
  else stream.dict.delete(PDFName.of('DecodeParms'));
  return contents;
}

function isDroppedType(value: PDFObject, document: PDFDocument): boolean {
  const target = value instanceof PDFRef ? document.context.lookup(value) : value;
  const dict = target instanceof PDFStream ? target.dict : target instanceof PDFDict ? target : undefined;
  const type = dict?.get(PDFName.of('Type'));
  return type instanceof PDFName && DROPPED_TYPES.has(type.decodeText());
}
