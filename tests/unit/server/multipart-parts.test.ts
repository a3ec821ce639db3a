import { describe, expect, it } from 'vitest';

import { multipartBoundary, partScanner } from '@/lib/server/multipart-parts';

const body = (boundary: string, parts: string[], epilogue = '') =>
  Buffer.from(`preamble\r\n${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('')}--${boundary}--\r\n${epilogue}`, 'latin1');

/** Feeds `bytes` in pieces of `size`, as a network would. */
function count(boundary: string, bytes: Buffer, size: number): number {
  const counter = partScanner(boundary);
  for (let at = 0; at < bytes.length; at += size) counter.push(bytes.subarray(at, at + size));
  return counter.parts;
}

describe('multipartBoundary', () => {
  it('reads plain and quoted boundaries, and none', () => {
    expect(multipartBoundary('multipart/form-data; boundary=----abc')).toBe('----abc');
    expect(multipartBoundary('multipart/form-data; charset=utf-8; BOUNDARY="a b;c"')).toBe('a b;c');
    expect(multipartBoundary('multipart/form-data')).toBeUndefined();
    expect(multipartBoundary('multipart/form-data; boundary=')).toBeUndefined();
  });
});

describe('partScanner: counting parts', () => {
  const parts = ['Content-Disposition: form-data; name="a"\r\n\r\nx', 'Content-Disposition: form-data; name="b"\r\n\r\n--xy', ''];

  it('counts every part, wherever the chunks are cut', () => {
    const bytes = body('xyz', parts);
    for (const size of [1, 2, 3, 5, 7, 64, bytes.length]) expect(count('xyz', bytes, size)).toBe(3);
  });

  it('counts every part when the body comes in three pieces cut anywhere', () => {
    // Long pieces take the path that copies only the seam between chunks, short ones the other.
    // The last part holds `CRLF--xyz-` followed by CRLF: not a close, so busboy starts a part there.
    const bytes = body('xyz', [...parts, 'Content-Disposition: form-data; name="c"\r\n\r\n\r\n--xyz-']);
    for (let first = 0; first <= bytes.length; first++) {
      for (let second = first; second <= bytes.length; second++) {
        const counter = partScanner('xyz');
        for (const piece of [bytes.subarray(0, first), bytes.subarray(first, second), bytes.subarray(second)]) counter.push(piece);
        expect(counter.parts, `cut at ${first} and ${second}`).toBe(5);
      }
    }
  });

  it('stops at the closing delimiter, as busboy does', () => {
    expect(count('xyz', body('xyz', parts, '--xyz\r\nmore\r\n--xyz\r\n'), 4)).toBe(3);
  });

  it('a delimiter must start a line (or the body)', () => {
    expect(count('xyz', Buffer.from('--xyz\r\nA\r\n--xyz\r\nB --xyz\r\n--xyz--\r\n'), 3)).toBe(2);
  });
});

describe('partScanner: control characters in part headers', () => {
  // Headers with SOH, DEL, a tab and US in them; contents with the same bytes, a blank line and
  // `--xyz` that are not delimiters: only the headers change.
  const raw = body('xyz', [
    'Content-Disposition: form-data; name="a"\r\n\r\nx\x01\x7f\t\r\n\r\ny',
    'Content-Disposition: form-data; name="f"; filename="b\x01o\x7fx\t1.jpg"\r\nContent-Type: image/jpeg\x1f\r\n\r\n\x00\x01\x7f\r\n\r\n\x01--xy',
    'Content-Disposition: form-data; name="g"; filename="\x02"\r\n\r\n',
  ]);
  const clean = body('xyz', [
    'Content-Disposition: form-data; name="a"\r\n\r\nx\x01\x7f\t\r\n\r\ny',
    'Content-Disposition: form-data; name="f"; filename="b o x 1.jpg"\r\nContent-Type: image/jpeg \r\n\r\n\x00\x01\x7f\r\n\r\n\x01--xy',
    'Content-Disposition: form-data; name="g"; filename=" "\r\n\r\n',
  ]);

  it('replaces them with spaces, and nothing else, wherever the body is cut into three pieces', () => {
    expect(clean.length).toBe(raw.length);
    for (let first = 0; first <= raw.length; first++) {
      for (let second = first; second <= raw.length; second++) {
        const scanner = partScanner('xyz');
        const out = [raw.subarray(0, first), raw.subarray(first, second), raw.subarray(second)].map((piece) => scanner.push(piece));
        expect(Buffer.concat(out).toString('latin1'), `cut at ${first} and ${second}`).toBe(clean.toString('latin1'));
        expect(scanner.parts).toBe(3);
      }
    }
  });

  it('leaves the body as it came: the same buffers, no copy, when there is nothing to clean', () => {
    const plain = body('xyz', ['Content-Disposition: form-data; name="f"; filename="a.jpg"\r\n\r\n\x01\x02\x7f']);
    const scanner = partScanner('xyz');
    const pieces = [plain.subarray(0, 10), plain.subarray(10, 70), plain.subarray(70)];
    for (const piece of pieces) expect(scanner.push(piece)).toBe(piece);
    // A piece that is cleaned is copied: the caller's bytes are not written to.
    const copy = Buffer.from(raw);
    const cleaned = partScanner('xyz').push(copy);
    expect(cleaned).not.toBe(copy);
    expect(copy.equals(raw)).toBe(true);
  });

  it('stops cleaning past the 16 KB busboy allows a part header', () => {
    const long = Buffer.from(`--xyz\r\nX-Long: ${'a'.repeat(17 * 1024)}\x01\r\n\r\nz\r\n--xyz--\r\n`, 'latin1');
    expect(partScanner('xyz').push(long).includes(0x01)).toBe(true);
  });
});
