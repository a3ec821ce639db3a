import 'server-only';

/**
 * The raw multipart body, scanned on its way to busboy, for two things busboy gets wrong alone:
 * - It skips a part whose Content-Disposition it cannot parse without any event: a file named
 *   only by `filename*=koi8-r''…` (busboy decodes no charset but UTF-8, Latin-1 and UTF-16LE, and
 *   drops the whole header when it fails) would vanish from the appeal without a word. Counting
 *   the parts, and comparing with the parts busboy reported, finds them.
 * - It fails the whole request ("Malformed part header") at one control character in a part's
 *   headers: a file named with \x01 or DEL in it (file systems allow them, some clients send
 *   them raw) was a generic 400. They are replaced with spaces before busboy sees them, so the
 *   file is read under a clean name.
 */

/** The boundary parameter of a multipart Content-Type, quoted or not; undefined when there is none. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;"]+))/i.exec(contentType);
  if (!match) return undefined;
  const boundary = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
  return boundary === '' ? undefined : boundary;
}

export type PartScanner = {
  /**
   * Scans the next piece of the body; returns the bytes to pass on to busboy: the piece itself,
   * or, when a part's headers in it hold control characters, a copy of that piece (of it alone)
   * with them replaced by spaces.
   */
  push: (chunk: Buffer) => Buffer;
  /** Parts begun so far, up to the closing delimiter (anything after it is ignored, as busboy does). */
  readonly parts: number;
};

const EMPTY = Buffer.alloc(0);
const DASH = 0x2d;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
/** The blank line that ends a part's headers. */
const HEADERS_END = [CR, LF, CR, LF] as const;
/** busboy refuses a part's headers past 16 KB: past that, nothing more is cleaned. */
const MAX_HEADER_BYTES = 16 * 1024 + HEADERS_END.length;

/** What busboy refuses in a header: a C0 control but CR and LF (which shape the headers; tab is blank space) or DEL. */
function isHeaderControl(byte: number): boolean {
  return (byte < 0x20 && byte !== CR && byte !== LF) || byte === 0x7f;
}

/** Where a part's headers begin in the current chunk; before 0 when they began in the bytes held from the last one. */
type PartStart = { at: number; held: Buffer };

/**
 * Finds delimiters as busboy does: `CRLF--boundary`, where the body's start counts as a line
 * start, until `--boundary--` closes the body. Holds only the few bytes that might begin a
 * delimiter split between chunks. After each delimiter that begins a part, its headers, up to
 * their blank line, are read byte by byte (a few hundred bytes); the bulk of a file is searched
 * with indexOf only, and copied never.
 */
export function partScanner(boundary: string): PartScanner {
  const delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
  // A delimiter and the two bytes that say whether it closes the body.
  const lookahead = delimiter.length + 2;
  // The body's start counts as a line start.
  let pending = Buffer.from('\r\n', 'latin1');
  let parts = 0;
  let closed = false;
  /** Inside a part's headers; how much of their blank line was just seen; their bytes so far. */
  let inHeaders = false;
  let matched = 0;
  let headerBytes = 0;
  /** The parts begun in the chunk being scanned. */
  let starts: PartStart[] = [];

  /**
   * Counts the delimiters that begin in data at or after `from`, keeping the bytes that might be
   * one cut by its end. `offset` is where the current chunk begins in data. Returns where the
   * search stopped, or -1 when it needs more bytes.
   */
  function scan(data: Buffer, from: number, offset: number, until = data.length): number {
    for (;;) {
      const at = data.indexOf(delimiter, from);
      if (at < 0 || at >= until) return from;
      // The next two bytes say whether this delimiter closes the body: wait for them.
      if (at + lookahead > data.length) {
        pending = Buffer.from(data.subarray(at));
        return -1;
      }
      const after = at + delimiter.length;
      if (data[after] === DASH && data[after + 1] === DASH) {
        closed = true;
        return -1;
      }
      parts += 1;
      starts.push({ at: after - offset, held: after < offset ? data.subarray(after, offset) : EMPTY });
      from = after;
    }
  }

  /** Keeps only what could be the start of a delimiter cut by the chunk's end. */
  function keepTail(data: Buffer, from: number): void {
    pending = Buffer.from(data.subarray(Math.max(from, data.length - delimiter.length + 1)));
  }

  /** Counts the delimiters in the chunk, and where the parts they begin start in it. */
  function count(chunk: Buffer): void {
    if (chunk.length < lookahead) {
      // A chunk too short to settle what the held bytes begin: hold them together (a few bytes).
      const held = pending.length;
      const data = Buffer.concat([pending, chunk]);
      pending = EMPTY;
      const from = scan(data, 0, held);
      if (from >= 0) keepTail(data, from);
      return;
    }
    // Only the seam is copied, not the chunk: a 5 MB photo arrives in many 64 KB chunks and
    // concatenating each with the held bytes copied the whole upload once more. A delimiter that
    // begins in the held bytes ends, with its two lookahead bytes, within the seam.
    const held = pending.length;
    let from = 0;
    if (held > 0) {
      const seam = Buffer.concat([pending, chunk.subarray(0, lookahead)]);
      pending = EMPTY;
      from = scan(seam, 0, held, held);
      if (from < 0) return;
      from = Math.max(0, from - held);
    }
    from = scan(chunk, from, 0);
    if (from >= 0) keepTail(chunk, from);
  }

  /**
   * Reads header bytes from `from` to `until` (where the next part begins, or the chunk ends),
   * up to their blank line, replacing control characters in `chunk`'s copy, made once and only
   * when one is found.
   */
  function cleanHeaders(chunk: Buffer, from: number, until: number, out: { copy?: Buffer }): void {
    for (let i = from; i < until && inHeaders; i++) {
      const byte = chunk[i]!;
      headerBytes += 1;
      if (byte === HEADERS_END[matched]) {
        matched += 1;
        if (matched === HEADERS_END.length) inHeaders = false;
      } else {
        matched = byte === CR ? 1 : 0;
        if (isHeaderControl(byte)) {
          out.copy ??= Buffer.from(chunk);
          out.copy[i] = SPACE;
        }
      }
      if (headerBytes >= MAX_HEADER_BYTES) inHeaders = false;
    }
  }

  /** The blank line's progress through bytes already passed on (at most the one after a delimiter). */
  function follow(bytes: Buffer): void {
    for (const byte of bytes) {
      headerBytes += 1;
      matched = byte === HEADERS_END[matched] ? matched + 1 : byte === CR ? 1 : 0;
    }
    if (matched === HEADERS_END.length) inHeaders = false;
  }

  return {
    push(chunk: Buffer): Buffer {
      // Headers that began in an earlier chunk go on here; the clean-up needs no delimiter search.
      const wasInHeaders = inHeaders;
      starts = [];
      if (!closed) count(chunk);
      if (!wasInHeaders && starts.length === 0) return chunk;
      const out: { copy?: Buffer } = {};
      if (wasInHeaders) cleanHeaders(chunk, 0, starts[0]?.at ?? chunk.length, out);
      starts.forEach((start, index) => {
        inHeaders = true;
        matched = 0;
        headerBytes = 0;
        follow(start.held);
        cleanHeaders(chunk, Math.max(0, start.at), starts[index + 1]?.at ?? chunk.length, out);
      });
      return out.copy ?? chunk;
    },
    get parts() {
      return parts;
    },
  };
}
