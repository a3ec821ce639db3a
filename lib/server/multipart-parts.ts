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
  // The body's start counts as a line start.
  let pending = Buffer.from('\r\n', 'latin1');
  let parts = 0;
  let closed = false;
  return {
    push(chunk: Buffer) {
      if (closed) return;
      const data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      let from = 0;
      for (;;) {
        const at = data.indexOf(delimiter, from);
        // The next two bytes say whether this delimiter closes the body: wait for them.
        if (at >= 0 && at + delimiter.length + 2 > data.length) {
          pending = Buffer.from(data.subarray(at));
          return;
        }
        if (at < 0) {
          // Keep only what could be the start of a delimiter cut by the chunk's end.
          pending = Buffer.from(data.subarray(Math.max(from, data.length - delimiter.length + 1)));
          return;
        }
        const after = at + delimiter.length;
        if (data[after] === DASH && data[after + 1] === DASH) {
          closed = true;
          pending = Buffer.alloc(0);
          return;
        }
        parts += 1;
        from = after;
      }
    },
    get parts() {
      return parts;
    },
  };
}
