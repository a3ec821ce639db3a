import 'server-only';

/**
 * busboy skips a part whose Content-Disposition it cannot parse without any event: a file named
 * only by `filename*=koi8-r''…` (busboy decodes no charset but UTF-8, Latin-1 and UTF-16LE, and
 * drops the whole header when it fails) would vanish from the appeal without a word. Counting the
 * parts in the raw body as it passes, and comparing with the parts busboy reported, finds them.
 */

/** The boundary parameter of a multipart Content-Type, quoted or not; undefined when there is none. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;"]+))/i.exec(contentType);
  if (!match) return undefined;
  const boundary = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
  return boundary === '' ? undefined : boundary;
}

export type PartCounter = {
  push: (chunk: Buffer) => void;
  /** Parts begun so far, up to the closing delimiter (anything after it is ignored, as busboy does). */
  readonly parts: number;
};

const DASH = 0x2d;

/**
 * Counts delimiters as busboy finds them: `CRLF--boundary`, where the body's start counts as a
 * line start, until `--boundary--` closes the body. Holds only the few bytes that might begin a
 * delimiter split between chunks.
 */
export function partCounter(boundary: string): PartCounter {
  const delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
  // A delimiter and the two bytes that say whether it closes the body.
  const lookahead = delimiter.length + 2;
  // The body's start counts as a line start.
  let pending = Buffer.from('\r\n', 'latin1');
  let parts = 0;
  let closed = false;

  /**
   * Counts the delimiters that begin in data at or after `from`, keeping the bytes that might be
   * one cut by its end. Returns where the search stopped, or -1 when it needs more bytes.
   */
  function scan(data: Buffer, from: number, until = data.length): number {
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
      from = after;
    }
  }

  /** Keeps only what could be the start of a delimiter cut by the chunk's end. */
  function keepTail(data: Buffer, from: number): void {
    pending = Buffer.from(data.subarray(Math.max(from, data.length - delimiter.length + 1)));
  }

  return {
    push(chunk: Buffer) {
      if (closed) return;
      if (chunk.length < lookahead) {
        // A chunk too short to settle what the held bytes begin: hold them together (a few bytes).
        const data = Buffer.concat([pending, chunk]);
        pending = Buffer.alloc(0);
        const from = scan(data, 0);
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
        pending = Buffer.alloc(0);
        from = scan(seam, 0, held);
        if (from < 0) return;
        from = Math.max(0, from - held);
      }
      from = scan(chunk, from);
      if (from >= 0) keepTail(chunk, from);
    },
    get parts() {
      return parts;
    },
  };
}
