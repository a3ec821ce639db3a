import 'server-only';

import { constants as zlibConstants, inflateRawSync, inflateSync } from 'node:zlib';

import { PDFArray, PDFDict, PDFInvalidObject, PDFName, PDFNull, PDFNumber, PDFPageLeaf, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * Checks of an uploaded PDF's structure that pdf-lib does not make, each against a file of a few
 * kilobytes that would otherwise take the server down (found in a hostile-input review): pdf-lib
 * parses, counts and embeds synchronously, so no deadline can stop it once it has started.
 * Anything these checks refuse is malformed: real receipts are nowhere near the limits.
 */

/**
 * What pdf-lib may inflate, all object and cross-reference streams together, while it parses:
 * it decodes them in JavaScript, synchronously and without a limit, so a 523 KB receipt whose
 * object stream inflates to 512 MB blocked the server for 13 s and took 420 MB. Object streams
 * hold only small objects (no streams): a receipt's come to kilobytes, and even a long bank
 * statement's to a few megabytes; a cross-reference stream takes 5 to 7 bytes per object. The
 * compressed bytes zlib reads count too, so that streams overlapping in a crafted file cannot
 * make the scan read the file over and over. 16 MB is about 0.2 s of pdf-lib's inflating.
 */
export const MAX_DECODED_STRUCTURE_BYTES = 16 * 1024 * 1024;

/**
 * How many object and cross-reference streams a receipt may have. pdf-lib writes 50 objects per
 * object stream, Acrobat up to a few hundred: 256 hold far more objects than a receipt of
 * MAX_PDF_PAGES pages. Bounds the scan's cost per stream on a file made of nothing else.
 */
const MAX_STRUCTURE_STREAMS = 256;

/**
 * PDF whitespace and comments (pdf-lib skips both between tokens). A comment runs to the end of
 * its line, so that a run of `%` can be read one way only (no backtracking on crafted input).
 */
const GAP = String.raw`(?:[\0\t\n\f\r ]|%[^\r\n]*(?![^\r\n]))*`;
/** Characters that end a name or a number (whitespace and delimiters). */
const DELIMITER = String.raw`\0\t\n\f\r ()<>\[\]{}/%`;
/**
 * A /Type that makes pdf-lib decode the stream while parsing (PDFParser.parseIndirectObject):
 * /ObjStm or /XRef, or a reference, which pdf-lib may resolve to either.
 */
const DECODED_TYPE = new RegExp(String.raw`/Type${GAP}(?:/(?:ObjStm|XRef)(?![^${DELIMITER}])|\d+${GAP}\d+${GAP}R)`);
/** A stream keyword as pdf-lib reads one (not inside a name such as /Xstream or /stream). */
const STREAM_KEYWORD = new RegExp(String.raw`(?<![^${DELIMITER}]|/)(?:end)?stream`, 'g');
const FILTER_ENTRY = new RegExp(String.raw`/Filter(?![^${DELIMITER}])${GAP}(\[[^\]]*\]|/[^${DELIMITER}]*|[^${DELIMITER}]*)`, 'g');
/**
 * A /Type under which pdf-lib may read the stream as a cross-reference stream: /XRef, or a
 * reference (which may resolve to /XRef).
 */
const XREF_TYPE = new RegExp(String.raw`/Type${GAP}(?:/XRef(?![^${DELIMITER}])|\d+${GAP}\d+${GAP}R)`);
/** A /W key and, when it is a plain array of three numbers, the numbers. */
const FIELD_WIDTHS = new RegExp(String.raw`/W(?![^${DELIMITER}])${GAP}(?:\[${GAP}(\d+)${GAP}(\d+)${GAP}(\d+)${GAP}\])?`, 'g');
/** Tokens that open or close strings, hex strings and dictionaries. */
const BRACKETS = /<<|>>|<[0-9A-Fa-f\0\t\n\f\r ]*>|[()<>]/g;

/** Names as pdf-lib reads them: `#xx` is the character xx (so /Obj#53tm is /ObjStm). */
const withoutNameEscapes = (text: string) => text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The dictionary before a stream keyword: the text from its object header on. Returns null when
 * that cannot be read from the bytes alone (a string or a comment that may hide the header,
 * the /Type or the /Filter): no producer writes strings or comments into these dictionaries
 * (a cross-reference stream's /ID is a hex string, which is allowed).
 */
function plainDictionary(window: string): string | null {
  const header = window.lastIndexOf('obj');
  const lineStart = Math.max(window.lastIndexOf('\n', header), window.lastIndexOf('\r', header));
  if (header !== -1 && window.slice(lineStart + 1, header).includes('%')) return null;
  const dictionary = header === -1 ? window : window.slice(header + 3);
  if (dictionary.includes('%')) return null;
  for (const [token] of dictionary.matchAll(BRACKETS)) if (token.length === 1) return null;
  return dictionary;
}

/**
 * What is wrong with a cross-reference stream's field widths, or null. /W gives the width in bytes
 * of each field of an entry; pdf-lib reads a declared width byte by byte for every entry, so
 * `/W [1 1000000000 1]` in a 661-byte file kept the event loop busy for minutes. No PDF needs a
 * field wider than 8 bytes (a 64-bit offset). Every /W key must be a plain array of three widths:
 * a reference or a second, odd /W could give pdf-lib other widths than the ones read here.
 */
function fieldWidthsProblem(dictionary: string): string | null {
  const entries = [...dictionary.matchAll(FIELD_WIDTHS)];
  if (entries.length === 0) return 'a cross-reference stream without field widths';
  for (const [, ...widths] of entries) {
    if (widths.some((width) => width === undefined)) return 'a cross-reference stream without plain field widths';
    if (widths.some((width) => Number(width) > 8)) return `cross-reference field widths ${widths.join(' ')}`;
  }
  return null;
}

/** Whether pdf-lib inflates the stream (a single /FlateDecode), or what is wrong with its filters. */
function flateFilter(dictionary: string): boolean | string {
  let flate = false;
  for (const [, value = ''] of dictionary.matchAll(FILTER_ENTRY)) {
    const names = value.startsWith('[') ? value.slice(1, -1).trim().split(/[\0\t\n\f\r ]+/) : [value];
    // pdf-lib's other decoders (LZW, RunLength, a second Flate) would expand it as freely.
    if (names.length !== 1 || names[0] !== '/FlateDecode') return `an object or cross-reference stream filtered with ${value}`;
    flate = true;
  }
  return flate;
}

/** Where pdf-lib takes a stream's data to begin: after the keyword and its end of line. */
function dataStart(text: string, afterKeyword: number): number {
  for (const eol of [' \r\n', '\r\n', '\r', '\n']) if (text.startsWith(eol, afterKeyword)) return afterKeyword + eol.length;
  return afterKeyword;
}

/**
 * The bytes zlib reads and writes inflating the Flate data at `start`, up to `room` in all; throws
 * past it. zlib stops at the end of the deflate data, so /Length (maybe an indirect reference) is
 * not needed; the header is checked as pdf-lib checks it, the checksum is not (pdf-lib ignores it).
 */
function inflatedCost(bytes: Uint8Array, start: number, room: number): number {
  const [cmf = 0, flg = 0] = bytes.subarray(start, start + 2);
  if ((cmf & 0x0f) !== 0x08 || ((cmf << 8) + flg) % 31 !== 0 || flg & 0x20) throw new Error('an object or cross-reference stream without a Flate header');
  // maxOutputLength stops inflating at the limit (RangeError), so a bomb never fills memory;
  // a sync flush accepts data cut short, which pdf-lib would read as far as it goes.
  const { buffer, engine } = inflateRawSync(bytes.subarray(start + 2), { info: true, maxOutputLength: Math.max(1, room), finishFlush: zlibConstants.Z_SYNC_FLUSH }) as unknown as {
    buffer: Buffer;
    engine: { bytesWritten: number };
  };
  return buffer.byteLength + engine.bytesWritten;
}

/**
 * Refuses, before pdf-lib parses the file, object and cross-reference streams that would inflate
 * past `budget` bytes (see MAX_DECODED_STRUCTURE_BYTES) or that pdf-lib would decode with any
 * other filter, and cross-reference streams whose field widths pdf-lib would read for minutes
 * (fieldWidthsProblem). Read from the raw bytes: every stream keyword whose dictionary says
 * /Type /ObjStm or /XRef, wherever it stands (also where pdf-lib would not look, which only costs
 * a refusal of a crafted file). Each byte of text is looked at once and each zlib call is bounded,
 * so a 25 MB file of stream keywords or /Type keys takes milliseconds. Returns what is wrong, or null.
 */
export function compressedStructureProblem(bytes: Uint8Array, budget = MAX_DECODED_STRUCTURE_BYTES): string | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let spent = 0;
  let streams = 0;
  let windowStart = 0;
  for (const keyword of text.matchAll(STREAM_KEYWORD)) {
    const window = text.slice(windowStart, keyword.index);
    windowStart = keyword.index + keyword[0].length;
    const plain = withoutNameEscapes(window);
    if (!DECODED_TYPE.test(plain)) continue;
    // Stream data (what precedes endstream) never declares these types; a string in the dictionary
    // saying "endstream" would hide the rest of the dictionary from the scan.
    if (keyword[0] !== 'stream') return 'an object or cross-reference stream type before endstream';
    streams += 1;
    if (streams > MAX_STRUCTURE_STREAMS) return `more than ${MAX_STRUCTURE_STREAMS} object or cross-reference streams`;
    const dictionary = plainDictionary(plain);
    if (dictionary === null || !DECODED_TYPE.test(dictionary)) return 'an object or cross-reference stream whose dictionary cannot be read plainly';
    const widths = XREF_TYPE.test(dictionary) ? fieldWidthsProblem(dictionary) : null;
    if (widths) return widths;
    const flate = flateFilter(dictionary);
    if (typeof flate === 'string') return flate;
    if (!flate) continue; // unfiltered data is no larger decoded
    try {
      spent += inflatedCost(bytes, dataStart(text, windowStart), budget - spent);
    } catch (cause) {
      return cause instanceof RangeError ? `object and cross-reference streams inflate past ${budget} bytes` : String(cause);
    }
    if (spent > budget) return `object and cross-reference streams inflate past ${budget} bytes`;
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

/**
 * How deep the objects a receipt page brings into the bundle may nest, counting the page and each
 * array, dictionary and stream on the way (references followed). Real pages reach about 30 with
 * nested forms and CID fonts. pdf-lib copies and writes them recursively, and qpdf refuses to read
 * more than 499 levels: a receipt nested 1,000 deep in its resources made a bundle that failed
 * `qpdf --check`, and a chain of 10,000 references overflowed the stack of pdf-lib's copier.
 */
export const MAX_NESTING_DEPTH = 64;

type Container = PDFDict | PDFArray | PDFStream;

const isContainer = (object: PDFObject | undefined): object is Container => object instanceof PDFDict || object instanceof PDFArray || object instanceof PDFStream;

/**
 * The arrays, dictionaries and streams among `values`, references resolved. An object pdf-lib
 * could not parse is refused: it keeps the object's raw bytes and would write them into the
 * bundle unchecked, and its parser fails that way on what nests so deep that it overflows the
 * stack (20,000 levels in one object made a bundle that failed `qpdf --check`).
 */
function containers(values: readonly (PDFObject | undefined)[], document: PDFDocument): Container[] {
  const resolved = values.map((value) => (value instanceof PDFRef ? document.context.lookup(value) : value));
  if (resolved.some((value) => value instanceof PDFInvalidObject)) throw new Error('an object pdf-lib could not parse');
  return resolved.filter(isContainer);
}

/** The arrays, dictionaries and streams directly inside a container. */
function containedIn(container: Container, document: PDFDocument): Container[] {
  return containers(container instanceof PDFArray ? container.asArray() : (container instanceof PDFStream ? container.dict : container).values(), document);
}

/**
 * What pdf-lib's embedPages copies of a page (PDFObjectCopier.copyPDFPage): the whole page
 * dictionary but /Parent, with the attributes it inherits (resources, boxes, rotation).
 */
function copiedFromPage(page: PDFPageLeaf, document: PDFDocument): Container[] {
  const own = page.entries().filter(([key]) => key !== PDFName.of('Parent')).map(([, value]) => value);
  const inherited = PDFPageLeaf.InheritableEntries.map((key) => PDFName.of(key))
    .filter((key) => page.get(key) === undefined)
    .map((key) => page.getInheritableAttribute(key));
  return containers([...own, ...inherited], document);
}

/**
 * The most containers on any path from `roots`, refusing past `limit`. Any walk that marks what it
 * has seen (pdf-lib's copier, stripActiveContent) goes at most that deep, whatever its order:
 * within a cycle (a form whose resources list the form itself) a path can take every member, so
 * each strongly connected group counts with all its members (Tarjan's algorithm, which finishes a
 * group only after every group it leads to). Iterative, so that the check itself cannot overflow.
 */
function deepestPath(roots: readonly Container[], children: (container: Container) => Container[], limit: number): number {
  const order = new Map<Container, number>();
  const low = new Map<Container, number>();
  const kids = new Map<Container, Container[]>();
  const height = new Map<Container, number>();
  const open: Container[] = [];
  const onOpen = new Set<Container>();
  const frames: { node: Container; next: number }[] = [];
  const enter = (node: Container) => {
    order.set(node, order.size);
    low.set(node, order.size - 1);
    kids.set(node, children(node));
    open.push(node);
    onOpen.add(node);
    frames.push({ node, next: 0 });
  };
  let deepest = 0;
  for (const root of roots) {
    if (!order.has(root)) enter(root);
    while (frames.length > 0) {
      const frame = frames.at(-1)!;
      const kid = kids.get(frame.node)![frame.next];
      frame.next += 1;
      if (kid !== undefined) {
        if (!order.has(kid)) enter(kid);
        else if (onOpen.has(kid)) low.set(frame.node, Math.min(low.get(frame.node)!, order.get(kid)!));
        continue;
      }
      frames.pop();
      const parent = frames.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== order.get(frame.node)) continue;
      const group = new Set<Container>();
      while (!group.has(frame.node)) {
        const member = open.pop()!;
        onOpen.delete(member);
        group.add(member);
      }
      // Everything the group leads to outside itself belongs to a group already finished.
      let below = 0;
      for (const member of group) for (const kid of kids.get(member)!) if (!group.has(kid)) below = Math.max(below, height.get(kid)!);
      const groupHeight = group.size + below;
      if (groupHeight > limit) return groupHeight;
      for (const member of group) height.set(member, groupHeight);
    }
    deepest = Math.max(deepest, height.get(root)!);
  }
  return deepest;
}

/**
 * Throws when what a page brings into the bundle nests deeper than `limit` levels (see
 * MAX_NESTING_DEPTH), the page itself being the first, or holds an object pdf-lib could not
 * parse. Run on the stripped receipt: what is checked is what pdf-lib will copy.
 */
export function checkNestingDepth(document: PDFDocument, limit = MAX_NESTING_DEPTH): void {
  // One walk for all pages, so that resources they share are measured once.
  const roots = document.getPages().flatMap((page) => copiedFromPage(page.node, document));
  if (1 + deepestPath(roots, (container) => containedIn(container, document), limit - 1) > limit) throw new Error(`objects nested more than ${limit} levels deep`);
}
