import { describe, expect, it } from 'vitest';

import { multipartBoundary, partCounter } from '@/lib/server/multipart-parts';

const body = (boundary: string, parts: string[], epilogue = '') =>
  Buffer.from(`preamble\r\n${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('')}--${boundary}--\r\n${epilogue}`, 'latin1');

/** Feeds `bytes` in pieces of `size`, as a network would. */
function count(boundary: string, bytes: Buffer, size: number): number {
  const counter = partCounter(boundary);
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

describe('partCounter', () => {
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
        const counter = partCounter('xyz');
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
