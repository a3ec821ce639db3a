/**
 * A cheap look at a PDF's raw bytes, no PDF library: does it begin and end as a PDF, and does it
 * declare encryption? The form runs it when a PDF is added (refusing at once, not after the whole
 * upload) and the server runs it before pdf-lib parses the upload (read-pdf-receipt.ts), so the
 * form never refuses a PDF the server would take: what one refuses, the other refuses in the same
 * words. Anything subtler (objects that do not parse, pages that are missing) is left to the server.
 */

/** Which `errors.file.*` message a refused PDF gets: damaged, or encrypted / protected against changes. */
export type PdfStructureProblem = 'malformed' | 'encrypted';

/**
 * How near the end `%%EOF` must be: Acrobat's own rule (PDF Reference 1.7, implementation note
 * 18), so a PDF with a few stray bytes after its end still passes. A file cut short by a broken
 * download or copy has none there; pdf-lib would still parse what is left of it and show a page
 * whose content was lost as blank.
 */
export const PDF_EOF_WINDOW = 1024;

/**
 * How far before an `/Encrypt` key its dictionary may begin (the `trailer` keyword or the object
 * header of a cross-reference stream). Such dictionaries are a few hundred bytes; an `/Encrypt`
 * farther from any is not treated as a declaration (when unsure, the server decides).
 */
const DICTIONARY_REACH = 8 * 1024;

/**
 * How many `/Encrypt` keys are looked into at most. A file declares encryption once per trailer
 * or cross-reference stream, a handful of times even after many incremental updates; one made of
 * nothing but `/Encrypt` would otherwise cost two 8 KB windows per key, minutes for 25 MB, on the
 * server too. Past the limit the scan says nothing, and pdf-lib's own check decides on the server.
 */
const MAX_ENCRYPT_KEYS = 64;

/** Bytes that pad a file after its end without being content: NUL and whitespace. */
const PADDING = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);

const bytesOf = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const HEADER = bytesOf('%PDF-');
const EOF_MARKER = bytesOf('%%EOF');
const ENCRYPT_KEY = bytesOf('/Encrypt');

/** Whitespace and delimiters: what may follow a name (so `/EncryptMetadata` is not `/Encrypt`). */
const ENDS_NAME = new Set(Array.from('\0\t\n\f\r ()<>[]{}/%', (char) => char.charCodeAt(0)));

function matchesAt(bytes: Uint8Array, at: number, pattern: Uint8Array): boolean {
  if (at < 0 || at + pattern.length > bytes.length) return false;
  for (let i = 0; i < pattern.length; i += 1) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}

/** Every position of `pattern` from `from` on; the native indexOf finds each candidate first byte. */
function* positionsOf(bytes: Uint8Array, pattern: Uint8Array, from = 0): Generator<number> {
  const first = pattern[0]!;
  for (let at = bytes.indexOf(first, Math.max(0, from)); at !== -1; at = bytes.indexOf(first, at + 1)) {
    if (matchesAt(bytes, at, pattern)) yield at;
  }
}

/** Bytes as text, one character per byte (only ASCII keywords are looked for in it). */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return text;
}

/** The last match of a global regular expression in `text`, or null. */
function lastMatch(text: string, pattern: RegExp): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const match of text.matchAll(pattern)) last = match;
  return last;
}

/**
 * Whether the `/Encrypt` key at `at` belongs to a trailer dictionary or to a cross-reference
 * stream's dictionary, the two places pdf-lib reads it from (PDFParser.maybeParseTrailerDict,
 * PDFXRefStreamParser): the nearest structure before it is a `trailer` keyword opening a
 * dictionary, or an object header whose dictionary, up to its `stream` keyword, says /Type /XRef.
 * A stream's data, or anything after `endobj` or `startxref`, ends the search: an `/Encrypt` there
 * is only text.
 */
function declaredAt(bytes: Uint8Array, at: number): boolean {
  const start = Math.max(0, at - DICTIONARY_REACH);
  const before = latin1(bytes.subarray(start, at));
  const boundary = lastMatch(before, /\btrailer\b|\d+\s+\d+\s+obj\b|\bendobj\b|stream\b|\bstartxref\b/g);
  if (!boundary) return false;
  const word = boundary[0];
  if (word === 'trailer') return /^\s*<</.test(before.slice(boundary.index + word.length));
  if (!word.endsWith('obj') || word === 'endobj') return false;
  const after = latin1(bytes.subarray(at, Math.min(bytes.length, at + DICTIONARY_REACH)));
  const streamAt = after.search(/\bstream\b/);
  if (streamAt === -1) return false;
  return /\/Type\s*\/XRef\b/.test(before.slice(boundary.index) + after.slice(0, streamAt));
}

/**
 * Whether the file declares encryption: an `/Encrypt` entry in any trailer or cross-reference
 * stream dictionary. Files protected only against changes (an owner password, as shops' e-receipts
 * often are) open freely but are encrypted all the same, and pdf-lib can copy only blank pages
 * from them. pdf-lib itself looks at the last dictionary of its kind; any one is counted here (a
 * linearised file repeats the entry only in its first), and the server refuses what this finds.
 */
export function declaresEncryption(bytes: Uint8Array): boolean {
  let looked = 0;
  for (const at of positionsOf(bytes, ENCRYPT_KEY)) {
    const next = bytes[at + ENCRYPT_KEY.length];
    if (next !== undefined && !ENDS_NAME.has(next)) continue;
    if (declaredAt(bytes, at)) return true;
    looked += 1;
    if (looked >= MAX_ENCRYPT_KEYS) return false;
  }
  return false;
}

/**
 * What makes these bytes unusable as a PDF receipt, as far as a byte scan can tell, or null: no
 * `%PDF-` at the start or no `%%EOF` near the end (damaged, cut short, or not a PDF inside), or
 * encryption. Reads at most the whole file once; a 25 MB file takes a few milliseconds.
 */
export function pdfStructureProblem(bytes: Uint8Array): PdfStructureProblem | null {
  if (!matchesAt(bytes, 0, HEADER)) return 'malformed';
  // Padding after the end (NULs a download tool wrote to fill a block, blank lines) is no content.
  let end = bytes.length;
  while (end > 0 && PADDING.has(bytes[end - 1]!)) end -= 1;
  const tail = end - PDF_EOF_WINDOW;
  if (positionsOf(bytes, EOF_MARKER, tail).next().done) return 'malformed';
  return declaresEncryption(bytes) ? 'encrypted' : null;
}
