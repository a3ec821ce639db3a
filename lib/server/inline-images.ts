import 'server-only';

import { jpegLength, withoutJpegMetadata } from '@/lib/server/jpeg-metadata';

/**
 * Inline images (`BI <dictionary> ID <data> EI`, ISO 32000-1 section 8.9.7) live inside a content
 * stream, not as objects of their own, so a JPEG drawn that way carries its EXIF and XMP wherever
 * the content stream goes. This module finds them with a tokenizer of the content syntax (strings,
 * comments and names are skipped as such, so "BI" inside a text string is no image) and removes
 * the JPEGs' metadata segments.
 */

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((char) => char.charCodeAt(0)));
const isRegular = (byte: number) => !WHITESPACE.has(byte) && !DELIMITERS.has(byte);

/** The abbreviated filter names an inline image may use (ISO 32000-1 table 94). */
const FILTER_NAMES: Readonly<Record<string, string>> = {
  AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode', LZW: 'LZWDecode', Fl: 'FlateDecode', RL: 'RunLengthDecode', CCF: 'CCITTFaxDecode', DCT: 'DCTDecode',
};

type Token = { kind: 'word' | 'name' | 'string' | 'open' | 'close' | 'other'; start: number; end: number };

/** A span of the content to put `bytes` in place of. */
type Edit = { start: number; end: number; bytes: Uint8Array };

const text = (bytes: Uint8Array, token: Token) => Buffer.from(bytes.buffer, bytes.byteOffset + token.start, token.end - token.start).toString('latin1');
const ascii = (value: string) => new Uint8Array(Buffer.from(value, 'latin1'));

/**
 * The same content stream with the metadata of every inline JPEG removed, or `content` itself
 * when there was none to remove. Throws on an inline image it cannot delimit (no ID, no EI, or a
 * JPEG whose structure does not walk to its end): such a stream cannot be shown as its producer
 * meant anyway, and what follows an image whose end is unknown could hide another one.
 */
export function withoutInlineImageMetadata(content: Uint8Array): Uint8Array {
  if (Buffer.from(content.buffer, content.byteOffset, content.byteLength).indexOf('BI') === -1) return content;
  const edits: Edit[] = [];
  let at = 0;
  for (let token = nextToken(content, at); token; token = nextToken(content, at)) {
    at = token.end;
    if (token.kind === 'word' && text(content, token) === 'BI') at = inlineImage(content, at, edits);
  }
  return edits.length === 0 ? content : applyEdits(content, edits);
}

/**
 * Reads one inline image from just after its BI, records the edits that take its JPEG's metadata
 * out (and correct a PDF 2.0 /L length), and returns where its EI ends.
 */
function inlineImage(content: Uint8Array, from: number, edits: Edit[]): number {
  const { filters, length, dataStart } = inlineDictionary(content, from);
  const codec = filters.findIndex((filter) => filter === 'DCTDecode' || filter === 'JPXDecode');
  if (codec !== -1) {
    // JPX is not allowed inline at all; a JPEG behind another filter cannot be walked undecoded.
    if (filters[codec] !== 'DCTDecode' || filters.length !== 1) throw new Error(`an inline image filtered ${filters.join(' ')}`);
    const dataEnd = dataStart + jpegLength(content.subarray(dataStart));
    const end = endOfImage(content, dataEnd);
    const clean = withoutJpegMetadata(content.subarray(dataStart, dataEnd));
    if (clean.length !== dataEnd - dataStart) {
      if (length) edits.push({ start: length.start, end: length.end, bytes: ascii(String(clean.length)) });
      edits.push({ start: dataStart, end: dataEnd, bytes: clean });
    }
    return end;
  }
  if (length) return endOfImage(content, dataStart + length.value);
  return endOfImage(content, findEndOfImage(content, dataStart));
}

/**
 * The inline image dictionary after BI: its filters (full names) and /L length if any, and where
 * the data starts: after ID and the single white-space byte that follows it.
 */
function inlineDictionary(content: Uint8Array, from: number): { filters: string[]; length: { value: number; start: number; end: number } | null; dataStart: number } {
  let filters: string[] = [];
  let length: { value: number; start: number; end: number } | null = null;
  let at = from;
  for (;;) {
    const key = nextToken(content, at);
    if (!key) throw new Error('an inline image without ID');
    if (key.kind === 'word' && text(content, key) === 'ID') {
      if (!WHITESPACE.has(content[key.end] ?? -1)) throw new Error('no white space after ID');
      return { filters, length, dataStart: key.end + 1 };
    }
    if (key.kind !== 'name') throw new Error('an inline image dictionary key that is not a name');
    const value = readValue(content, key.end);
    const name = text(content, key).slice(1);
    if (name === 'F' || name === 'Filter') filters = value.names.map((filter) => FILTER_NAMES[filter] ?? filter);
    if ((name === 'L' || name === 'Length') && value.number !== null) length = { value: value.number, start: value.start, end: value.end };
    at = value.end;
  }
}

/** One value of the inline dictionary, with every name in it (a filter or an array of them). */
function readValue(content: Uint8Array, from: number): { names: string[]; number: number | null; start: number; end: number } {
  const first = nextToken(content, from);
  if (!first) throw new Error('an inline image dictionary cut short');
  const names: string[] = [];
  let depth = 0;
  let token: Token | null = first;
  for (;;) {
    if (!token) throw new Error('an inline image dictionary cut short');
    if (token.kind === 'name') names.push(text(content, token).slice(1));
    if (token.kind === 'open') depth += 1;
    if (token.kind === 'close') depth -= 1;
    if (depth <= 0) break;
    token = nextToken(content, token.end);
  }
  const word = first.kind === 'word' ? Number(text(content, first)) : NaN;
  return { names, number: Number.isInteger(word) && word >= 0 ? word : null, start: first.start, end: token.end };
}

/** After the image data: optional white space, then EI; returns where EI ends. */
function endOfImage(content: Uint8Array, dataEnd: number): number {
  let at = dataEnd;
  while (WHITESPACE.has(content[at] ?? -1)) at += 1;
  if (!isEI(content, at)) throw new Error(`no EI after an inline image's data at ${dataEnd}`);
  return at + 2;
}

const isEI = (content: Uint8Array, at: number) =>
  content[at] === 0x45 && content[at + 1] === 0x49 && (at + 2 >= content.length || !isRegular(content[at + 2]!));

/**
 * Where the data of an inline image without a length of its own ends, as readers find it: at the
 * first EI between white space that is followed by content-like bytes (binary data can hold
 * " EI " by chance; the operators after a real EI are text).
 */
function findEndOfImage(content: Uint8Array, from: number): number {
  for (let at = content.indexOf(0x45, from); at !== -1; at = content.indexOf(0x45, at + 1)) {
    if (at > from && WHITESPACE.has(content[at - 1]!) && isEI(content, at) && looksLikeContent(content.subarray(at + 2, at + 12))) return at - 1;
  }
  throw new Error('an inline image without EI');
}

const looksLikeContent = (bytes: Uint8Array) => bytes.every((byte) => WHITESPACE.has(byte) || (byte >= 0x20 && byte < 0x7f));

/** The next token from `from`, or null at the end; white space and comments are skipped. */
function nextToken(content: Uint8Array, from: number): Token | null {
  let at = from;
  for (;;) {
    while (at < content.length && WHITESPACE.has(content[at]!)) at += 1;
    if (content[at] !== 0x25) break; // %: a comment runs to the end of the line
    while (at < content.length && content[at] !== 0x0a && content[at] !== 0x0d) at += 1;
  }
  if (at >= content.length) return null;
  const start = at;
  const byte = content[at]!;
  if (byte === 0x28) return { kind: 'string', start, end: literalStringEnd(content, at) };
  if (byte === 0x3c && content[at + 1] === 0x3c) return { kind: 'open', start, end: at + 2 };
  if (byte === 0x3e && content[at + 1] === 0x3e) return { kind: 'close', start, end: at + 2 };
  if (byte === 0x3c) {
    const close = content.indexOf(0x3e, at);
    return { kind: 'string', start, end: close === -1 ? content.length : close + 1 };
  }
  if (byte === 0x5b || byte === 0x7b) return { kind: 'open', start, end: at + 1 };
  if (byte === 0x5d || byte === 0x7d) return { kind: 'close', start, end: at + 1 };
  if (byte === 0x2f) {
    at += 1;
    while (at < content.length && isRegular(content[at]!)) at += 1;
    return { kind: 'name', start, end: at };
  }
  if (!isRegular(byte)) return { kind: 'other', start, end: at + 1 };
  while (at < content.length && isRegular(content[at]!)) at += 1;
  return { kind: 'word', start, end: at };
}

/** A literal string ends at its balancing parenthesis; a backslash escapes the next byte. */
function literalStringEnd(content: Uint8Array, from: number): number {
  let depth = 0;
  for (let at = from; at < content.length; at += 1) {
    const byte = content[at];
    if (byte === 0x5c) at += 1;
    else if (byte === 0x28) depth += 1;
    else if (byte === 0x29 && --depth === 0) return at + 1;
  }
  return content.length;
}

function applyEdits(content: Uint8Array, edits: readonly Edit[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(content.subarray(at, edit.start), edit.bytes);
    at = edit.end;
  }
  parts.push(content.subarray(at));
  return new Uint8Array(Buffer.concat(parts));
}
