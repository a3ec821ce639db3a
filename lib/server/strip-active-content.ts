import 'server-only';

import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

import { withoutJpegMetadata } from '@/lib/server/jpeg-metadata';

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
 * Leaves in an uploaded PDF only what its pages need to render: each page dictionary is cut down
 * to contents, resources and boxes, its resources to the drawing categories, and every object the
 * resources lead to loses its action, script, file and metadata entries. Works on the parsed
 * upload in place (it belongs to this request alone), before its pages are embedded.
 */
export function stripActiveContent(document: PDFDocument): void {
  const seen = new Set<PDFObject>();
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
    clean(resources, document, seen);
  }
}

function clean(object: PDFObject, document: PDFDocument, seen: Set<PDFObject>): void {
  if (seen.has(object)) return;
  seen.add(object);
  const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
  if (dict) {
    for (const [key, value] of dict.entries()) {
      if (DROPPED_KEYS.has(key.decodeText()) || isDroppedType(value, document)) dict.delete(key);
      else clean(value, document, seen);
    }
  } else if (object instanceof PDFArray) {
    object.asArray().forEach((value, index) => {
      if (isDroppedType(value, document)) object.set(index, document.context.obj(null));
      else clean(value, document, seen);
    });
  } else if (object instanceof PDFRef) {
    let target = document.context.lookup(object);
    if (target instanceof PDFRawStream && isJpegImage(target)) {
      target = PDFRawStream.of(target.dict, withoutJpegMetadata(target.getContents()));
      document.context.assign(object, target);
    }
    if (target) clean(target, document, seen);
  }
}

/**
 * An image stored as a JPEG file (the DCTDecode filter alone): its EXIF, GPS and XMP would reach
 * the bundle byte for byte. Any other filter chain with DCTDecode in it is refused: no producer
 * of receipts writes one, and it could not be cleaned without decoding it.
 */
function isJpegImage(stream: PDFRawStream): boolean {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const names = filter instanceof PDFArray ? filter.asArray() : filter === undefined ? [] : [filter];
  const dct = names.findIndex((name) => name === PDFName.of('DCTDecode'));
  if (dct === -1) return false;
  if (names.length !== 1) throw new Error('a JPEG behind another filter');
  return true;
}

function isDroppedType(value: PDFObject, document: PDFDocument): boolean {
  const target = value instanceof PDFRef ? document.context.lookup(value) : value;
  const dict = target instanceof PDFStream ? target.dict : target instanceof PDFDict ? target : undefined;
  const type = dict?.get(PDFName.of('Type'));
  return type instanceof PDFName && DROPPED_TYPES.has(type.decodeText());
}
